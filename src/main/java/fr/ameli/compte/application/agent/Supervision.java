package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.agent.JournalLine;
import fr.ameli.compte.application.agent.RegisterLoad;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.security.SecurityRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What only a superviseur of the espace agent does besides closing an account (PRODUCT §2.12):
 * load a register extract by upload, and read the « Journal des actions » of the agents. Called by
 * {@link AgentDesk}, which checks the role first.
 */
@Stateless
public class Supervision {

    /** Lines of the journal on one page. */
    public static final int JOURNAL_PAGE = 50;
    /** The journal shows the NIR's pseudonym cut to its first 12 hexadecimal characters: enough to tell persons apart. */
    static final int PSEUDONYM_SHOWN = 12;
    private static final Logger LOG = Logger.getLogger(Supervision.class.getName());

    @Inject
    RegisterLoader registerLoader;
    @Inject
    SecurityRepository trail;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /**
     * Loads the extract as the start-up does ({@link RegisterLoader}), out of any transaction: the
     * loader commits batch by batch. Audited {@code AGENT_REGISTER_LOADED}, the reason naming the file.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RegisterLoad loadRegister(Agent agent, String fileName, Reader csv, AgentReason reason) {
        String source = fileName == null || fileName.isBlank() ? "fichier sans nom" : fileName.strip();
        RegisterLoad load = registerLoader.load(source, csv, agent);
        String traced = reason.text() + " (fichier « " + source + " »)";
        audit.recordForAgent(AuditEvent.Type.AGENT_REGISTER_LOADED, null, agent,
                new AgentReason(traced.length() <= AgentReason.MAX ? traced : traced.substring(0, AgentReason.MAX)));
        LOG.info(() -> "Register " + source + " loaded by agent " + agent.subject() + ": " + load.created() + " added, "
                + load.updated() + " updated, " + load.unchanged() + " unchanged, " + load.rejected().size() + " rejected");
        return load;
    }

    /** One page of the journal (numbered from 0), and whether another follows. */
    public record JournalPage(List<JournalLine> lines, int page, boolean more) implements java.io.Serializable {
    }

    /**
     * The events that name an agent, newest first, of one agent and/or one day (Paris time), page
     * {@code page} of {@value #JOURNAL_PAGE} lines; the reading is audited, naming the superviseur and
     * what was asked (AGENT_JOURNAL_READ), after the lines are read (it is not one of them).
     */
    public JournalPage journal(Agent reader, Optional<String> ofAgent, Optional<LocalDate> day, int page) {
        Optional<String> agent = ofAgent.map(String::strip).filter(s -> !s.isEmpty());
        int from = Math.max(0, page);
        Instant start = day.map(d -> d.atStartOfDay(FrenchTime.PARIS).toInstant()).orElse(Instant.EPOCH);
        Instant end = day.map(d -> d.plusDays(1).atStartOfDay(FrenchTime.PARIS).toInstant()).orElse(clock.instant().plus(Duration.ofDays(1)));
        List<JournalLine> lines = trail.agentEvents(agent, start, end, from * JOURNAL_PAGE, JOURNAL_PAGE + 1).stream()
                .map(e -> new JournalLine(e.occurredAt(), e.agent(), e.event(),
                        e.nirHash() == null ? null : e.nirHash().substring(0, PSEUDONYM_SHOWN), e.reason())).toList();
        String asked = "consultation du journal, page " + (from + 1) + agent.map(a -> ", agent « " + a + " »").orElse("")
                + day.map(d -> ", jour " + d).orElse("");
        audit.recordForAgent(AuditEvent.Type.AGENT_JOURNAL_READ, null, reader,
                new AgentReason(asked.length() <= AgentReason.MAX ? asked : asked.substring(0, AgentReason.MAX)));
        return new JournalPage(lines.subList(0, Math.min(JOURNAL_PAGE, lines.size())), from, lines.size() > JOURNAL_PAGE);
    }
}
