package fr.ameli.compte.web;

import fr.ameli.compte.application.CodeReset;
import fr.ameli.compte.domain.SingleUseToken;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * The page a « Code oublié ? » link opens ({@code nouveau-code.xhtml}, {@code #{newCodePage}}):
 * checks the link on GET, then lets the person choose the new code with the same form and live
 * rules as the wizard ({@link CodeForm}). View-scoped, so that the link's secret stays on the
 * server between the GET and the POST instead of travelling in the form.
 */
@Named
@ViewScoped
public class NewCodePage implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    @Inject
    CodeReset codeReset;
    @Inject
    PageMessages messages;

    @Inject
    CodeForm codeForm;
    private String token;
    private SingleUseToken.State state;
    private boolean changed;

    /** On GET: what the link is worth. */
    public void open() {
        CodeReset.Link link = codeReset.check(token);
        state = link.state();
        codeForm.forPerson(Optional.ofNullable(link.personalData()));
    }

    public String submit() {
        Optional<String> code = codeForm.read(messages);
        if (code.isEmpty()) {
            return null;
        }
        switch (codeReset.choose(token, code.get(), codeForm.getConfirmation())) {
            case CHANGED -> {
                changed = true;
                codeForm.clear();
            }
            case CODE_REJECTED -> codeForm.rejected(messages);
            case CODE_NOT_CONFIRMED -> codeForm.notConfirmed(messages);
            case LINK_UNUSABLE -> open();
        }
        return null;
    }

    public CodeForm getCodeForm() {
        return codeForm;
    }

    public String getState() {
        return changed ? "CHANGED" : state == null ? "UNKNOWN" : state.name();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
