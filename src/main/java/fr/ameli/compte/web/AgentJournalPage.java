package fr.ameli.compte.web;

import fr.ameli.compte.application.AgentDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * « Journal des actions » ({@code agent/journal.xhtml}, superviseurs only in web.xml; PRODUCT §2.12):
 * the agents' look-ups and actions, newest first, filtered by agent and by day. On screen only:
 * agents get no bulk export.
 */
@Named
@RequestScoped
public class AgentJournalPage {

    static final String FORM = "journal";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    AgentDesk desk;
    @Inject
    LoggedInAgent loggedIn;
    @Inject
    PageMessages messages;

    private String agentFilter;
    private String day;
    private List<AgentDesk.JournalLine> lines;

    /** « Filtrer »: the lines of that agent and day; none, and a message at the field, while the day typed is not a date. */
    public String filter() {
        Optional<LocalDate> onDay;
        try {
            onDay = day == null || day.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(day.strip(), DAY));
        } catch (DateTimeParseException e) {
            new FieldReader(messages, FORM).error("jour", "agent.journal.dayInvalid");
            lines = List.of();
            return null;
        }
        String of = agentFilter == null || agentFilter.isBlank() ? null : agentFilter.strip();
        lines = loggedIn.agent().map(agent -> desk.journal(agent, Optional.ofNullable(of), onDay)).orElse(List.of());
        return null;
    }

    /** The lines filtered, or, when the page opens, all of them. */
    public List<AgentDesk.JournalLine> getLines() {
        if (lines == null) {
            lines = loggedIn.agent().map(agent -> desk.journal(agent, Optional.empty(), Optional.empty())).orElse(List.of());
        }
        return lines;
    }

    public String getAgentFilter() { return agentFilter; }
    public void setAgentFilter(String agentFilter) { this.agentFilter = agentFilter; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
}
