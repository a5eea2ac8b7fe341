package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.agent.AccountState;
import fr.ameli.compte.application.agent.ActionOutcome;
import fr.ameli.compte.application.agent.ActionResult;
import fr.ameli.compte.application.connexion.LockInForce;
import fr.ameli.compte.application.agent.LookUp;
import fr.ameli.compte.application.mail.MailLine;
import fr.ameli.compte.application.agent.PersonFile;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.Nir;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * « Rechercher une personne » ({@code agent/index.xhtml}, PRODUCT §2.12; {@code #{agentConsole}}):
 * the NIR and the reason of the look-up, then the person's file as {@link AgentDesk} gives it —
 * the register entry without IBAN or Vitale serial, the account's state, its locks, the last
 * events, the mails and the letters — and the actions under it ({@link AgentActions}), which show
 * the file as it is after them. The file is kept for this page only (its view), never in the
 * session: another tab or a reload starts with an empty search.
 */
@Named
@ViewScoped
public class AgentConsole implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String FORM = "recherche";

    @Inject
    AgentDesk desk;
    @Inject
    LoggedInAgent loggedIn;
    @Inject
    PageMessages messages;

    private String nir;
    private String reason;
    private PersonFile file;
    private String done;

    public String lookUp() {
        return loggedIn.acting(this::lookUpFor);
    }

    private String lookUpFor(Agent agent) {
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<Nir> n = fields.required("nir", nir, Nir::parse);
        Optional<AgentReason> r = fields.required("motif", reason, AgentReason::new);
        if (n.isEmpty() || r.isEmpty()) {
            return null;
        }
        file = null;
        done = null;
        LookUp found = desk.lookUp(agent, n.get(), r.get());
        if (found.slowedUntil() != null) {
            messages.errorFormat(fields.clientId("nir"), "agent.slowed", FrenchTime.when(found.slowedUntil()));
        } else if (found.file().isEmpty()) {
            fields.error("nir", "agent.notInRegister");
        } else {
            file = found.file().get();
            reason = null;
        }
        return null;
    }

    /** After an action: what it said, and the file as it now is. */
    void show(ActionResult result, String doneKey) {
        result.file().ifPresent(f -> file = f);
        done = result.outcome() == ActionOutcome.DONE ? Texts.text(doneKey) : null;
        if (result.outcome() != ActionOutcome.DONE) {
            messages.errorKey(null, "agent.outcome." + result.outcome().name());
        }
    }

    Optional<Nir> shownNir() {
        return Optional.ofNullable(file).map(PersonFile::nir);
    }

    public PersonFile getFile() {
        return file;
    }

    /** What the last action did, said once at the top of the page (role status). */
    public String getDone() {
        return done;
    }

    public String getShownNir() {
        return file == null ? "" : file.nir().display();
    }

    public String getAccountState() {
        AccountState account = file.account();
        return Texts.format("agent.file.status." + account.status().name(),
                account.since() == null ? "" : FrenchTime.when(account.since()));
    }

    public String getAccountEmail() {
        return file == null || file.account().email() == null ? "" : Texts.format("agent.file.email", file.account().email());
    }

    /** No account: the provisional code letter is for such a person (PRODUCT §2.3). */
    public boolean isNoAccount() {
        return file != null && file.account().status() == AccountState.Status.NONE;
    }

    /** « 2 clés d'accès », « Aucune clé d'accès ». */
    public String getPasskeys() {
        int count = file == null ? 0 : file.passkeys();
        return count == 0 ? Texts.text("agent.file.noPasskeys") : Texts.format("agent.file.passkeysCount", count);
    }

    public boolean isPending() {
        return file != null && file.account().status() == AccountState.Status.PENDING;
    }

    public boolean isActive() {
        return file != null && file.account().status() == AccountState.Status.ACTIVE;
    }

    public String when(Instant instant) {
        return instant == null ? "" : FrenchTime.when(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : new BirthDate(date).format();
    }

    /** « adresse 203.0.113.5 jusqu'au … »: where a lock holds, worded here (PRODUCT §2.12), and until when. */
    public String lock(LockInForce lock) {
        String where = Texts.format("agent.file.lock." + lock.place().name(), lock.detail());
        return Texts.format("agent.file.lockUntil", where, FrenchTime.when(lock.until()));
    }

    public String event(AuditEvent.Type type) {
        return Texts.text("audit." + type.name());
    }

    public String mailState(MailLine.State state) {
        return Texts.text("agent.file.mail." + state.name());
    }

    public String getNir() { return nir; }
    public void setNir(String nir) { this.nir = nir; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
