package fr.ameli.compte.application;

import fr.ameli.compte.domain.Agent;
import fr.ameli.compte.domain.AgentAction;
import fr.ameli.compte.domain.AgentReason;
import fr.ameli.compte.domain.AuditEvent;
import fr.ameli.compte.domain.EmailAddress;
import fr.ameli.compte.domain.Nir;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;

import java.io.Reader;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The espace agent's use cases (PRODUCT §2.12): find a person by NIR and see their file, then act
 * for them, each time with a reason. Every look-up and every action is one transaction with its
 * audit event naming the agent, the NIR's pseudonym and the reason; a role that may not do it
 * ({@link AgentAction}) is refused with {@link NotAllowed} before anything is read or changed.
 * The {@link Agent} comes from the session the web layer authenticated, never from the request.
 */
@Stateless
public class AgentDesk {

    /** The agent's role does not allow the action: nothing was read or changed. */
    @ApplicationException(rollback = true)
    public static class NotAllowed extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        public NotAllowed(Agent agent, AgentAction action) {
            super(agent.subject() + " may not " + action);
        }
    }

    /** What the register says of the person: never the IBAN or the Vitale serial. */
    public record RegisterEntry(String familyName, String givenNames, LocalDate birthDate, String postalCode, String commune)
            implements Serializable {
    }

    /** The account's state: none, pending since its creation, or active since its activation. */
    public record AccountState(Status status, Instant since, String email) implements Serializable {
        public enum Status { NONE, PENDING, ACTIVE }
    }

    /** A lock in force: where failures came from (an address, a remembered browser, or all browsers past the daily ceiling) and until when. */
    public record LockLine(String where, Instant until) implements Serializable {
    }

    /** One line of the person's audit trail; {@code agent} is the subject of the agent who acted, or null. */
    public record EventLine(Instant at, AuditEvent.Type type, String clientAddress, String agent, String reason) implements Serializable {
    }

    /** A mail of the outbox to the person: its subject and state, never its body (no link, no code). */
    public record MailLine(Instant queuedAt, String subject, State state) implements Serializable {
        public enum State { SENT, WAITING, FAILED }
    }

    /** A letter printed for the person (a provisional code), when and to which postal code. */
    public record LetterLine(Instant at, String kind, String postalCode, Instant expiresAt) implements Serializable {
    }

    /** All an agent sees of a person: the register entry, the account, its locks, the last 20 events, the mails and the letters. */
    public record PersonFile(Nir nir, RegisterEntry entry, AccountState account, List<LockLine> locks,
                             List<EventLine> events, List<MailLine> mails, List<LetterLine> letters) implements Serializable {
    }

    /** A look-up: the file, or none when the NIR is not in the register; or slowed until a time after a burst. */
    public record LookUp(Optional<PersonFile> file, Instant slowedUntil) implements Serializable {
    }

    /** How an action went, and the file as it is after it (an action is also a look-up). */
    public record Result(Outcome outcome, Optional<PersonFile> file) implements Serializable {
    }

    public enum Outcome {
        DONE,
        /** The NIR is not in the register. */
        NOT_IN_REGISTER,
        /** The person has no account. */
        NO_ACCOUNT,
        /** The action needs a pending account (new activation mail). */
        NOT_PENDING,
        /** The action needs an active account (new email address). */
        NOT_ACTIVE,
        /** No lock in force. */
        NOTHING_TO_LIFT,
        /** The post rules: one letter a day, already sent. */
        LETTER_ALREADY_SENT,
        /** The mail rules: too many activation mails this hour. */
        TOO_MANY,
        /** The new address is the account's own. */
        SAME_ADDRESS,
        /** The agent did not tick that an identity document was checked. */
        IDENTITY_NOT_CHECKED
    }

    /** A register extract loaded by upload: the loader's counts and each rejected row. */
    public record RegisterLoad(String source, int created, int updated, List<Rejected> rejected, long millis) implements Serializable {
        public record Rejected(int lineNumber, String reason) implements Serializable {
        }
    }

    /** One line of the « Journal des actions »: who did what for whose pseudonym, why, and when. */
    public record JournalLine(Instant at, String agent, AuditEvent.Type type, String nirPseudonym, String reason) implements Serializable {
    }

    public LookUp lookUp(Agent agent, Nir nir, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public Result liftLocks(Agent agent, Nir nir, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public Result resendActivation(Agent agent, Nir nir, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public Result sendProvisionalCode(Agent agent, Nir nir, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public Result replaceEmail(Agent agent, Nir nir, EmailAddress newEmail, boolean identityChecked, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public Result closeAccount(Agent agent, Nir nir, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    public RegisterLoad loadRegister(Agent agent, String fileName, Reader csv, AgentReason reason) {
        throw new UnsupportedOperationException("contract");
    }

    /** The agents' look-ups and actions, newest first, for one agent and/or one day (Paris time); at most 500 lines. */
    public List<JournalLine> journal(Agent agent, Optional<String> ofAgent, Optional<LocalDate> day) {
        throw new UnsupportedOperationException("contract");
    }
}
