package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.espace.AccountClosure;
import fr.ameli.compte.application.creation.ActivationResend;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.espace.EmailChange;
import fr.ameli.compte.application.connexion.LoginLocks;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import fr.ameli.compte.application.security.SecurityNotices;
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
 * ({@link AgentAction}) is refused with {@link ActionNotAllowed} before anything is read or changed.
 * The {@link Agent} comes from the session the web layer authenticated, never from the request.
 */
@Stateless
public class AgentDesk {

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
    @Inject
    fr.ameli.compte.domain.account.PasskeyRepository passkeys;
    @Inject
    java.time.Clock clock;

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
    public ActionResult liftLocks(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.LIFT_LOCKS, nir, reason, AuditEvent.Type.AGENT_LOCKS_LIFTED, file -> {
            if (file.locks().isEmpty()) {
                return ActionOutcome.NOTHING_TO_LIFT;
            }
            loginLocks.liftAll(nir);
            notices.locksLifted(nir);
            return ActionOutcome.DONE;
        });
    }

    /**
     * Removes every passkey of the account (a lost or stolen phone, PRODUCT §2.12): they stop working at
     * once; the person is told by mail. The code personnel still logs in.
     */
    public ActionResult removePasskeys(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.REMOVE_PASSKEYS, nir, reason, AuditEvent.Type.AGENT_PASSKEYS_REMOVED, file -> {
            if (file.account().status() == AccountState.Status.NONE) {
                return ActionOutcome.NO_ACCOUNT;
            }
            if (file.passkeys() == 0) {
                return ActionOutcome.NO_PASSKEY;
            }
            accounts.findActive(nir).ifPresent(account -> {
                passkeys.removeAll(account.id());
                notices.passkeysRemoved(account, null, true, clock.instant());
            });
            return ActionOutcome.DONE;
        });
    }

    /** A new activation mail for a pending account, under the mail rules of {@link ActivationResend}. */
    public ActionResult resendActivation(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.RESEND_ACTIVATION, nir, reason, AuditEvent.Type.AGENT_ACTIVATION_RESENT, file -> switch (file.account().status()) {
            case NONE -> ActionOutcome.NO_ACCOUNT;
            case ACTIVE -> ActionOutcome.NOT_PENDING;
            case PENDING -> activationResend.resend(nir).map(sent -> sent.tooManyUntil() == null ? ActionOutcome.DONE : ActionOutcome.TOO_MANY)
                    .orElse(ActionOutcome.NOT_PENDING);
        });
    }

    /** A provisional-code letter, for a person without an account who has no Vitale serial to create one (PRODUCT §2.3), under the post rules. */
    public ActionResult sendProvisionalCode(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.SEND_PROVISIONAL_CODE, nir, reason, AuditEvent.Type.AGENT_PROVISIONAL_CODE_SENT, file ->
                file.account().status() != AccountState.Status.NONE ? ActionOutcome.HAS_ACCOUNT : provisionalCodes.requestLetter(nir)
                        .map(letter -> letter.alreadySent() ? ActionOutcome.LETTER_ALREADY_SENT
                                : letter.sent() ? ActionOutcome.DONE : ActionOutcome.LETTERS_OF_PERIOD_SENT).orElse(ActionOutcome.HAS_ACCOUNT));
    }

    /** After an identity document was checked at the counter, {@code newEmail} is asked as by the owner ({@link EmailChange}: link to confirm, then the old address told). */
    public ActionResult replaceEmail(Agent agent, Nir nir, EmailAddress newEmail, boolean identityChecked, AgentReason reason) {
        return act(agent, AgentAction.REPLACE_EMAIL, nir, reason, AuditEvent.Type.AGENT_EMAIL_REPLACED, file -> {
            AccountState.Status status = file.account().status();
            if (!identityChecked || status != AccountState.Status.ACTIVE) {
                return !identityChecked ? ActionOutcome.IDENTITY_NOT_CHECKED : status == AccountState.Status.NONE ? ActionOutcome.NO_ACCOUNT : ActionOutcome.NOT_ACTIVE;
            }
            return switch (emailChange.request(nir, newEmail, true).status()) {
                case SENT -> ActionOutcome.DONE;
                case SAME_ADDRESS -> ActionOutcome.SAME_ADDRESS;
                case TOO_MANY -> ActionOutcome.TOO_MANY;
            };
        });
    }

    /** A superviseur closes the account as its owner would ({@link AccountClosure#remove}); the mail says the caisse did. */
    public ActionResult closeAccount(Agent agent, Nir nir, AgentReason reason) {
        return act(agent, AgentAction.CLOSE_ACCOUNT, nir, reason, AuditEvent.Type.AGENT_ACCOUNT_CLOSED, file -> accounts.findByNir(nir)
                .map(account -> {
                    closure.remove(account, true);
                    return ActionOutcome.DONE;
                }).orElse(ActionOutcome.NO_ACCOUNT));
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
            throw new ActionNotAllowed(agent, action);
        }
    }

    /** An action in one transaction with its audit event: {@code done} when {@code work} did it, else AGENT_LOOKED_UP (the file was shown all the same). */
    private ActionResult act(Agent agent, AgentAction action, Nir nir, AgentReason reason, AuditEvent.Type done, Function<PersonFile, ActionOutcome> work) {
        require(agent, action, nir);
        Optional<PersonFile> before = files.of(nir);
        ActionOutcome outcome = before.map(work).orElse(ActionOutcome.NOT_IN_REGISTER);
        audit.recordForAgent(outcome == ActionOutcome.DONE ? done : AuditEvent.Type.AGENT_LOOKED_UP, nir, agent, reason);
        return new ActionResult(outcome, outcome == ActionOutcome.DONE ? files.of(nir) : before);
    }
}
