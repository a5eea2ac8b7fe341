package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.espace.AccountClosure;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;

import java.util.Optional;

/**
 * « Clôturer mon compte » (PRODUCT §2.11; {@code espace/cloture.xhtml}, {@code #{closurePage}}):
 * what closing means, the current code personnel and a confirmation; then the account is removed,
 * this session ends, and the login page says so.
 */
@Named
@RequestScoped
public class ClosurePage {

    static final String FORM = "cloture";

    @Inject
    LoggedInPerson person;
    @Inject
    AccountClosure closure;
    @Inject
    PageMessages messages;

    private String current;
    private boolean confirmed;

    public String close() throws ServletException {
        Optional<Nir> nir = person.nir();
        if (nir.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        FieldReader fields = new FieldReader(messages, FORM);
        boolean typed = fields.present("actuel", current, "codeChange.currentRequired");
        if (!confirmed) {
            fields.error("confirmer", "closure.confirmRequired");
        }
        String typedCurrent = current;
        current = null;
        if (!typed || !confirmed) {
            return null;
        }
        AccountClosure.Result result = closure.close(nir.get(), typedCurrent);
        switch (result.outcome()) {
            case CLOSED -> {
                person.logOut();
                return "/index?faces-redirect=true&cloture=true";
            }
            case CURRENT_WRONG -> fields.error("actuel", "codeChange.currentWrong");
            case LOCKED -> messages.errorFormat(fields.clientId("actuel"), "login.locked", FrenchTime.when(result.lockedUntil()));
        }
        return null;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
