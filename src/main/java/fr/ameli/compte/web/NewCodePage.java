package fr.ameli.compte.web;

import fr.ameli.compte.application.CodeReset;
import fr.ameli.compte.domain.SingleUseToken;
import fr.ameli.compte.domain.CodePolicy;
import fr.ameli.compte.domain.PersonalData;
import fr.ameli.compte.domain.RuleCheck;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The page a « Code oublié ? » link opens: checks the link once on GET, then lets the person
 * choose the new code with the same live rules as the wizard. View-scoped, so that the link's
 * secret stays on the server between the GET and the POST instead of travelling in the form.
 */
@Named
@ViewScoped
public class NewCodePage implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final CodePolicy CODE_POLICY = new CodePolicy();

    @Inject
    CodeReset codeReset;

    private String token;
    private SingleUseToken.State state;
    private PersonalData personalData;
    private boolean changed;
    private String code;
    private String codeConfirmation;

    /** On GET: what the link is worth. */
    public void open() {
        CodeReset.Link link = codeReset.check(token);
        state = link.state();
        personalData = link.personalData();
    }

    public String submit() {
        if (code == null || code.isEmpty()) {
            Messages.errorKey("codePersonnel:code", "wizard.required");
        }
        if (codeConfirmation == null || codeConfirmation.isEmpty()) {
            Messages.errorKey("codePersonnel:confirmation", "wizard.required");
        }
        if (Messages.hasErrors()) {
            return null;
        }
        switch (codeReset.choose(token, code, codeConfirmation)) {
            case CHANGED -> {
                changed = true;
                code = null;
                codeConfirmation = null;
            }
            case CODE_REJECTED -> Messages.errorKey("codePersonnel:code", "code.rejected");
            case CODE_NOT_CONFIRMED -> Messages.errorKey("codePersonnel:confirmation", "code.notConfirmed");
            case LINK_UNUSABLE -> open();
        }
        return null;
    }

    public List<RuleCheck> getRuleChecks() {
        return CODE_POLICY.evaluate(code == null ? "" : code, personalData);
    }

    public String getStrength() {
        return CODE_POLICY.strength(code == null ? "" : code, personalData).label();
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getCodeConfirmation() {
        return codeConfirmation;
    }

    public void setCodeConfirmation(String codeConfirmation) {
        this.codeConfirmation = codeConfirmation;
    }
}
