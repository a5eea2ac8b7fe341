package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.shared.EmailTwice;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.application.agent.ActionNotAllowed;
import fr.ameli.compte.application.agent.ActionResult;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The actions under a person's file in the espace agent (PRODUCT §2.12; {@code #{agentActions}}),
 * one form each, each with its own required reason: lift the locks ({@code deblocage}), send a new
 * activation mail ({@code activation}), send a provisional code letter ({@code courrier}), replace
 * the email address after checking an identity document ({@code email}), and, for a superviseur,
 * close the account ({@code cloture}). They act on the person the page shows ({@link AgentConsole}),
 * never on a NIR the request names; {@link AgentDesk} checks the agent's role again.
 */
@Named
@RequestScoped
public class AgentActions {

    private static final Logger LOG = Logger.getLogger(AgentActions.class.getName());

    @Inject
    AgentConsole console;
    @Inject
    LoggedInAgent loggedIn;
    @Inject
    AgentDesk desk;
    @Inject
    PageMessages messages;

    /** One of the desk's actions, for the person shown, with its reason. */
    @FunctionalInterface
    interface Action {
        ActionResult run(Agent agent, Nir nir, AgentReason reason);
    }

    private String reason;
    private String email;
    private String emailConfirmation;
    private boolean identityChecked;
    private boolean closeConfirmed;

    public String liftLocks() {
        return act("deblocage", "agent.done.liftLocks", (agent, nir, r) -> desk.liftLocks(agent, nir, r));
    }

    /** « Supprimer les clés d'accès » (a lost phone): every passkey of the account stops working. */
    public String removePasskeys() {
        return act("cles", "agent.done.removePasskeys", (agent, nir, r) -> desk.removePasskeys(agent, nir, r));
    }

    public String resendActivation() {
        return act("activation", "agent.done.resendActivation", (agent, nir, r) -> desk.resendActivation(agent, nir, r));
    }

    public String sendLetter() {
        return act("courrier", "agent.done.sendLetter", (agent, nir, r) -> desk.sendProvisionalCode(agent, nir, r));
    }

    public String replaceEmail() {
        FieldReader fields = new FieldReader(messages, "email");
        Optional<EmailTwice.Read> typed = EmailTwice.read(fields, email, emailConfirmation);
        if (!identityChecked) {
            fields.error("pieceVerifiee", "agent.action.identityCheckedRequired");
        }
        if (typed.isEmpty() || !identityChecked) {
            fields.required("motif", reason, AgentReason::new);
            return null;
        }
        return act("email", "agent.done.replaceEmail",
                (agent, nir, r) -> desk.replaceEmail(agent, nir, typed.get().email(), identityChecked, r));
    }

    public String closeAccount() {
        FieldReader fields = new FieldReader(messages, "cloture");
        if (!closeConfirmed) {
            fields.error("confirmation", "agent.action.closeConfirmedRequired");
            fields.required("motif", reason, AgentReason::new);
            return null;
        }
        return act("cloture", "agent.done.closeAccount", (agent, nir, r) -> desk.closeAccount(agent, nir, r));
    }

    /** One action: the reason read at its form, then the desk called for the person shown, then the file shown again. */
    private String act(String form, String doneKey, Action action) {
        return loggedIn.acting(agent -> {
            Optional<Nir> nir = console.shownNir();
            if (nir.isEmpty()) {
                return null; // no file shown: nothing to act on (the page shows the search)
            }
            Optional<AgentReason> r = new FieldReader(messages, form).required("motif", reason, AgentReason::new);
            if (r.isEmpty()) {
                return null;
            }
            try {
                console.show(action.run(agent, nir.get(), r.get()), doneKey);
                reason = null;
                email = null;
                emailConfirmation = null;
            } catch (ActionNotAllowed e) {
                LOG.warning(() -> "Espace agent: refused, " + e.getMessage());
                messages.errorKey(null, "agent.notAllowed");
            }
            return null;
        });
    }

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailConfirmation() { return emailConfirmation; }
    public void setEmailConfirmation(String emailConfirmation) { this.emailConfirmation = emailConfirmation; }
    public boolean isIdentityChecked() { return identityChecked; }
    public void setIdentityChecked(boolean identityChecked) { this.identityChecked = identityChecked; }
    public boolean isCloseConfirmed() { return closeConfirmed; }
    public void setCloseConfirmed(boolean closeConfirmed) { this.closeConfirmed = closeConfirmed; }
}
