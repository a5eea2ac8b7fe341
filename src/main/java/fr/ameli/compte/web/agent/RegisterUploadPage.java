package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.agent.ActionNotAllowed;
import fr.ameli.compte.application.agent.RegisterLoad;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * « Charger un extrait du registre » ({@code agent/registre.xhtml}, superviseurs only in web.xml;
 * PRODUCT §2.12, §4): a CSV file uploaded with its reason, loaded by the same loader as at
 * start-up (idempotent, each bad row reported with its line number), and the report shown.
 */
@Named
@RequestScoped
public class RegisterUploadPage {

    static final String FORM = "registre";
    private static final Logger LOG = Logger.getLogger(RegisterUploadPage.class.getName());

    @Inject
    AgentDesk desk;
    @Inject
    LoggedInAgent loggedIn;
    @Inject
    PageMessages messages;

    private Part file;
    private String reason;
    /** « Je confirme le chargement de cet extrait dans le registre des assurés ». */
    private boolean confirmed;
    private RegisterLoad report;

    public String load() {
        return loggedIn.acting(this::loadFor);
    }

    private String loadFor(Agent agent) {
        FieldReader fields = new FieldReader(messages, FORM);
        boolean chosen = file != null && file.getSize() > 0;
        if (!chosen) {
            fields.error("fichier", "agent.register.fileRequired");
        }
        Optional<AgentReason> r = fields.required("motif", reason, AgentReason::new);
        if (!confirmed) {
            fields.error("confirmation", "agent.register.confirmRequired");
        }
        if (!chosen || r.isEmpty() || !confirmed) {
            return null;
        }
        String name = file.getSubmittedFileName() == null ? "extrait.csv" : file.getSubmittedFileName();
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            report = desk.loadRegister(agent, name, csv, r.get());
            reason = null;
        } catch (IOException | UncheckedIOException e) {
            // A file cut short or unreadable: the superviseur is told at the field, the rows read so far stay loaded.
            LOG.warning(() -> "Register upload " + name + " could not be read: " + e.getMessage());
            fields.error("fichier", "agent.register.unreadable");
        } catch (ActionNotAllowed e) {
            messages.errorKey(null, "agent.notAllowed");
        }
        return null;
    }

    public RegisterLoad getReport() {
        return report;
    }

    public String getSummary() {
        return report == null ? "" : Texts.format("agent.register.done", report.source(), report.created(), report.updated(),
                report.unchanged(), report.rejected().size());
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
