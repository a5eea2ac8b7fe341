package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.espace.CodeChange;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * « Modifier mon code personnel » (PRODUCT §2.11; {@code espace/code-personnel.xhtml},
 * {@code #{codeChangePage}}): the current code, then the new one twice with the same live check
 * marks as the wizard and « Code oublié ? » ({@link CodeForm}, {@code regles-code.xhtml}). On
 * success every other session is logged out, the remembered browsers are forgotten, a mail tells
 * the person, and this session gets a new id.
 */
@Named
@RequestScoped
public class CodeChangePage {

    @Inject
    LoggedInPerson person;
    @Inject
    CodeChange codeChange;
    @Inject
    CodeForm codeForm;
    @Inject
    PageMessages messages;

    private String current;
    private boolean changed;

    public String submit() {
        Optional<Nir> nir = person.nir();
        if (nir.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        FieldReader fields = new FieldReader(messages, CodeForm.FORM);
        boolean typed = fields.present("actuel", current, "codeChange.currentRequired");
        Optional<String> code = getCodeForm().read(messages);
        String typedCurrent = current;
        current = null;
        if (!typed || code.isEmpty()) {
            return null;
        }
        CodeChange.Result result = codeChange.change(nir.get(), typedCurrent, code.get(), codeForm.getConfirmation(),
                person.sessionKey().orElse(null));
        switch (result.outcome()) {
            case CHANGED -> {
                changed = true;
                codeForm.clear();
                person.renewSessionId();
                person.provenNow();
            }
            case CURRENT_WRONG -> fields.error("actuel", "codeChange.currentWrong");
            case LOCKED -> messages.errorFormat(fields.clientId("actuel"), "login.locked", FrenchTime.when(result.lockedUntil()));
            case CODE_REJECTED -> codeForm.rejected(messages);
            case CODE_NOT_CONFIRMED -> codeForm.notConfirmed(messages);
            case SAME_AS_CURRENT -> fields.error("code", "codeChange.same");
        }
        return null;
    }

    /** The form, for the logged-in person (the rules about the NIR, the birth date and the names need them). */
    public CodeForm getCodeForm() {
        codeForm.forPerson(person.nir().flatMap(codeChange::personalData));
        return codeForm;
    }

    public boolean isChanged() {
        return changed;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }
}
