package fr.ameli.compte.application;

import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentAction;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.Reader;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
        public PersonFile { // copied: immutable and serializable (the page keeps it in its view, replicated with the session)
            locks = List.copyOf(locks); events = List.copyOf(events); mails = List.copyOf(mails); letters = List.copyOf(letters);
        }
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
        /** The post rules: the NIR had its letters of the 90 days ({@code ProvisionalCode.LETTERS_PER_PERIOD}). */
        LETTERS_OF_PERIOD_SENT,
        /** The mail rules: too many activation mails this hour. */
        TOO_MANY,
        /** The new address is the account's own. */
        SAME_ADDRESS,
        /** The agent did not tick that an identity document was checked. */
        IDENTITY_NOT_CHECKED,
        /** The person already has an account (pending or active): a provisional code only serves to create one (PRODUCT §2.3). */
        HAS_ACCOUNT
    }

    /** A register extract loaded by upload: the loader's counts (rows added, updated, already as they were) and each rejected row. */
    public record RegisterLoad(String source, int created, int updated, List<Rejected> rejected, long millis, int unchanged)
            implements Serializable {
        public record Rejected(int lineNumber, String reason) implements Serializable {
        }

        public RegisterLoad {
            rejected = List.copyOf(rejected);
        }

        /** The contract's first shape, without the rows left unchanged. */
        public RegisterLoad(String source, int created, int updated, List<Rejected> rejected, long millis) {
            this(source, created, updated, rejected, millis, 0);
        }
    }

    /** One line of the « Journal des actions »: who did what for whose pseudonym, why, and when. */
    public record JournalLine(Instant at, String agent, AuditEvent.Type type, String nirPseudonym, String reason) implements Serializable {
    }

    @Inject
    PersonFiles files;
    @Inject
    AuditTrail audit;
    @Inject
    AgentLookUps lookUps;
    @Inject
    AccountRepository accounts;
    @Inject
    LoginLocks loginLocks;
    @Inject
    SecurityNotices notices;
    @Inject
    ActivationResend activationResend;
    @Inject
    ProvisionalCodes provisionalCodes;
    @Inject
    EmailChange emailChange;
    @Inject
    AccountClosure closure;
    @Inject
    Supervision supervision;
    @Inject
    AgentSessions agentSessions;

    /** The person's file, audited {@code AGENT_LOOKED_UP}; or, past the agent's look-ups of the hour, when it may be asked again ({@link AgentLookUps}). */
    public LookUp lookUp(Agent agent, Nir nir, AgentReason reason) {
        require(agent, AgentAction.LOOK_UP, nir);
        Optional<Instant> slowed = lookUps.slowedUntil(agent, reason);
        if (slowed.isPresent()) {
            return new LookUp(Optional.empty(), slowed.get());
        }
        audit.recordForAgent(AuditEvent.Type.AGENT_LOOKED_UP, nir, agent, reason);
        return new LookUp(files.of(nir), null);
    }

    /** Forgets every lock and count of the NIR's logins, security codes and proofs; the account's owner is told by mail. */
    public Result liftLocks(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.LIFT_LOCKS, nir, reason, AuditEvent.Type.AGENT_LOCKS_LIFTED, file -> {
            if (file.locks().isEmpty()) {
                return Outcome.NOTHING_TO_LIFT;
            }
            loginLocks.liftAll(nir);
            notices.locksLifted(nir);
            return Outcome.DONE;
        });
    }

    /** A new activation mail for a pending account, under the mail rules of {@link ActivationResend}. */
    public Result resendActivation(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.RESEND_ACTIVATION, nir, reason, AuditEvent.Type.AGENT_ACTIVATION_RESENT, file -> switch (file.account().status()) {
            case NONE -> Outcome.NO_ACCOUNT;
            case ACTIVE -> Outcome.NOT_PENDING;
            case PENDING -> activationResend.resend(nir).map(sent -> sent.tooManyUntil() == null ? Outcome.DONE : Outcome.TOO_MANY)
                    .orElse(Outcome.NOT_PENDING);
        });
    }

    /** A provisional-code letter, for a person without an account who has no Vitale serial to create one (PRODUCT §2.3), under the post rules. */
    public Result sendProvisionalCode(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.SEND_PROVISIONAL_CODE, nir, reason, AuditEvent.Type.AGENT_PROVISIONAL_CODE_SENT, file ->
                file.account().status() != AccountState.Status.NONE ? Outcome.HAS_ACCOUNT : provisionalCodes.requestLetter(nir)
                        .map(letter -> letter.alreadySent() ? Outcome.LETTER_ALREADY_SENT
                                : letter.sent() ? Outcome.DONE : Outcome.LETTERS_OF_PERIOD_SENT).orElse(Outcome.HAS_ACCOUNT));
    }

    /** After an identity document was checked at the counter, {@code newEmail} is asked as by the owner ({@link EmailChange}: link to confirm, then the old address told). */
    public Result replaceEmail(Agent agent, Nir nir, EmailAddress newEmail, boolean identityChecked, AgentReason reason) {
        return act(agent, AgentAction.REPLACE_EMAIL, nir, reason, AuditEvent.Type.AGENT_EMAIL_REPLACED, file -> {
            AccountState.Status status = file.account().status();
            if (!identityChecked || status != AccountState.Status.ACTIVE) {
                return !identityChecked ? Outcome.IDENTITY_NOT_CHECKED : status == AccountState.Status.NONE ? Outcome.NO_ACCOUNT : Outcome.NOT_ACTIVE;
            }
            return switch (emailChange.request(nir, newEmail, true).status()) {
                case SENT -> Outcome.DONE;
                case SAME_ADDRESS -> Outcome.SAME_ADDRESS;
                case TOO_MANY -> Outcome.TOO_MANY;
            };
        });
    }

    /** A superviseur closes the account as its owner would ({@link AccountClosure#remove}); the mail says the caisse did. */
    public Result closeAccount(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.CLOSE_ACCOUNT, nir, reason, AuditEvent.Type.AGENT_ACCOUNT_CLOSED, file -> accounts.findByNir(nir)
                .map(account -> {
                    closure.remove(account, true);
                    return Outcome.DONE;
                }).orElse(Outcome.NO_ACCOUNT));
    }

    /** A superviseur loads an uploaded register extract as the start-up does, with its report ({@link Supervision#loadRegister}). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RegisterLoad loadRegister(Agent agent, String fileName, Reader csv, AgentReason reason) {
        require(agent, AgentAction.LOAD_REGISTER, null);
        return supervision.loadRegister(agent, fileName, csv, reason);
    }

    /**
     * The agents' look-ups and actions, newest first, for one agent and/or one day (Paris time), a page
     * of {@value Supervision#JOURNAL_PAGE} lines at a time; each reading is itself audited (AGENT_JOURNAL_READ).
     */
    public Supervision.JournalPage journal(Agent agent, Optional<String> ofAgent, Optional<LocalDate> day, int page) {
        require(agent, AgentAction.READ_JOURNAL, null);
        return supervision.journal(agent, ofAgent, day, page);
    }

    /**
     * A superviseur ends every open session of the agent {@code subject} (a lost badge, a departure):
     * each is logged out at its next request, on every server. Audited AGENT_SESSIONS_ENDED; false when none was open.
     */
    public boolean endSessions(Agent agent, String subject, AgentReason reason) {
        require(agent, AgentAction.END_SESSIONS, null);
        int ended = agentSessions.endAll(subject.strip());
        String traced = reason.text() + " (agent « " + subject.strip() + " »)";
        audit.recordForAgent(AuditEvent.Type.AGENT_SESSIONS_ENDED, null, agent,
                new AgentReason(traced.length() <= AgentReason.MAX ? traced : traced.substring(0, AgentReason.MAX)));
        return ended > 0;
    }

    /** Refused before anything is read or changed; the refusal itself is audited ({@link AuditTrail#recordRefusal}). */
    private void require(Agent agent, AgentAction action, Nir nir) {
        if (!agent.may(action)) {
            audit.recordRefusal(agent, action, nir);
            throw new NotAllowed(agent, action);
        }
    }

    /** An action in one transaction with its audit event: {@code done} when {@code work} did it, else AGENT_LOOKED_UP (the file was shown all the same). */
    private Result act(Agent agent, AgentAction action, Nir nir, AgentReason reason, AuditEvent.Type done, Function<PersonFile, Outcome> work) {
        require(agent, action, nir);
        Optional<PersonFile> before = files.of(nir);
        Outcome outcome = before.map(work).orElse(Outcome.NOT_IN_REGISTER);
        audit.recordForAgent(outcome == Outcome.DONE ? done : AuditEvent.Type.AGENT_LOOKED_UP, nir, agent, reason);
        return new Result(outcome, outcome == Outcome.DONE ? files.of(nir) : before);
    }
}
