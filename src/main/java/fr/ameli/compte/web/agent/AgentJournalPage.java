package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.agent.JournalLine;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.application.agent.Supervision;
import fr.ameli.compte.domain.agent.AgentReason;
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
 * the agents' look-ups and actions, newest first, filtered by agent and by day, a page of
 * {@value Supervision#JOURNAL_PAGE} lines at a time (each reading audited); and « Fermer les sessions
 * d'un agent ». On screen only: agents get no bulk export.
 */
@Named
@RequestScoped
public class AgentJournalPage {

    static final String FORM = "journal";
    static final String SESSIONS_FORM = "sessions";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    AgentDesk desk;
    @Inject
    LoggedInAgent loggedIn;
    @Inject
    PageMessages messages;

    private String agentFilter;
    private String day;
    /** The page shown (from 0), posted back with the filters so that « suivante » follows on. */
    private int page;
    private Supervision.JournalPage shown;
    private String sessionsAgent;
    private String sessionsReason;
    private String sessionsDone;

    /** « Filtrer »: the first page of that agent and day; none, and a message at the field, while the day typed is not a date. */
    public String filter() {
        return show(0);
    }

    /** « Page suivante ». */
    public String next() {
        return show(page + 1);
    }

    /** « Page précédente ». */
    public String previous() {
        return show(Math.max(0, page - 1));
    }

    private String show(int wanted) {
        Optional<LocalDate> onDay;
        try {
            onDay = day == null || day.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(day.strip(), DAY));
        } catch (DateTimeParseException e) {
            new FieldReader(messages, FORM).error("jour", "agent.journal.dayInvalid");
            shown = new Supervision.JournalPage(List.of(), 0, false);
            return null;
        }
        String of = agentFilter == null || agentFilter.isBlank() ? null : agentFilter.strip();
        shown = new Supervision.JournalPage(List.of(), 0, false);
        return loggedIn.acting(agent -> {
            shown = desk.journal(agent, Optional.ofNullable(of), onDay, wanted);
            page = shown.page();
            return null;
        });
    }

    /** « Fermer ses sessions »: every session of that agent ends at its next request (a lost badge, a departure). */
    public String endSessions() {
        return loggedIn.acting(agent -> {
            FieldReader fields = new FieldReader(messages, SESSIONS_FORM);
            boolean typed = fields.present("agent", sessionsAgent == null ? null : sessionsAgent.strip(), "agent.sessions.agentRequired");
            Optional<AgentReason> reason = fields.required("motif", sessionsReason, AgentReason::new);
            if (!typed || reason.isEmpty()) {
                return null;
            }
            boolean ended = desk.endSessions(agent, sessionsAgent, reason.get());
            sessionsDone = Texts.format(ended ? "agent.sessions.ended" : "agent.sessions.none", sessionsAgent.strip());
            sessionsAgent = null;
            sessionsReason = null;
            return null;
        });
    }

    /** The page shown: the one asked, or, when the page opens, the first of all lines. */
    public Supervision.JournalPage getShown() {
        if (shown == null) {
            show(0);
        }
        return shown;
    }

    public List<JournalLine> getLines() {
        return getShown().lines();
    }

    /** « Page 2 » (numbered from 1 for people). */
    public String getPageLabel() {
        return Texts.format("agent.journal.page", getShown().page() + 1);
    }

    public String getSessionsDone() { return sessionsDone; }
    public String getAgentFilter() { return agentFilter; }
    public void setAgentFilter(String agentFilter) { this.agentFilter = agentFilter; }
    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(0, page); }
    public String getSessionsAgent() { return sessionsAgent; }
    public void setSessionsAgent(String sessionsAgent) { this.sessionsAgent = sessionsAgent; }
    public String getSessionsReason() { return sessionsReason; }
    public void setSessionsReason(String sessionsReason) { this.sessionsReason = sessionsReason; }
}
