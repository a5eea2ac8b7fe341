package fr.ameli.compte.web;

import fr.ameli.compte.application.AgentDesk;
import fr.ameli.compte.domain.Agent;
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

    public String filter() {
        lines = null;
        return null;
    }

    /** The lines for the filter typed (all, the first time); none while the day typed is not a date. */
    public List<AgentDesk.JournalLine> getLines() {
        if (lines == null) {
            Optional<Agent> agent = loggedIn.agent();
            Optional<LocalDate> onDay = parsedDay();
            if (agent.isEmpty() || (onDay.isEmpty() && day != null && !day.isBlank())) {
                return List.of();
            }
            String of = agentFilter == null || agentFilter.isBlank() ? null : agentFilter.strip();
            lines = desk.journal(agent.get(), Optional.ofNullable(of), onDay);
        }
        return lines;
    }

    private Optional<LocalDate> parsedDay() {
        if (day == null || day.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day.strip(), DAY));
        } catch (DateTimeParseException e) {
            if (!messages.hasErrors()) {
                new FieldReader(messages, FORM).error("jour", "agent.journal.dayInvalid");
            }
            return Optional.empty();
        }
    }

    public String getAgentFilter() { return agentFilter; }
    public void setAgentFilter(String agentFilter) { this.agentFilter = agentFilter; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
}
