package fr.ameli.compte.web.shared;

import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.person.PersonalData;
import fr.ameli.compte.domain.code.RuleCheck;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A new code personnel typed twice (PRODUCT §2.5), with its rules' live check marks and strength
 * ({@code WEB-INF/includes/regles-code.xhtml}): form {@code codePersonnel}, fields {@code code} and
 * {@code confirmation}. The same form for every page that sets a code: the wizard, « Code oublié ? ».
 * The service checks the rules again; the messages of a refusal are written here only.
 */
@Dependent
public class CodeForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    public static final String FORM = "codePersonnel";

    private final CodePolicy policy;
    private PersonalData personalData;
    private String code;
    private String confirmation;

    /**
     * A bean, unlike the other forms, for the policy the container produces: it holds the list of
     * common codes loaded at start-up (rule 6). Dependent: it lives and is replicated with its page bean.
     */
    @Inject
    public CodeForm(CodePolicy policy) {
        this.policy = policy;
    }

    /**
     * Whose code it is, when known: the rules about the NIR, the birth date and the names need them
     * (PRODUCT §2.5, rules 5 and 6). Tells whether a person is known.
     */
    public boolean forPerson(Optional<PersonalData> person) {
        person.ifPresent(known -> personalData = known);
        return person.isPresent();
    }

    /** The code, when typed twice and every rule is met; else empty, with a message at each field at fault. */
    public Optional<String> read(PageMessages messages) {
        FieldReader fields = new FieldReader(messages, FORM);
        boolean typed = fields.present("code", code);
        boolean confirmed = fields.present("confirmation", confirmation);
        boolean valid = typed && policy.isSatisfied(code, personalData);
        if (typed && !valid) {
            rejected(messages);
        }
        if (typed && confirmed && !policy.confirms(code, confirmation)) {
            notConfirmed(messages);
            return Optional.empty();
        }
        return valid && confirmed ? Optional.of(code) : Optional.empty();
    }

    /** « … ne respecte pas toutes les règles » and, for each rule not met, which one and what was found. */
    public void rejected(PageMessages messages) {
        StringBuilder why = new StringBuilder(Texts.text("code.rejected"));
        for (RuleCheck check : getRuleChecks()) {
            if (!check.satisfied()) {
                why.append(' ').append(check.detail().isEmpty()
                        ? Texts.format("code.ruleNotMet", check.rule().label())
                        : Texts.format("code.ruleNotMetDetail", check.rule().label(), check.detail()));
            }
        }
        messages.error(FORM + ":code", why.toString());
    }

    public void notConfirmed(PageMessages messages) {
        messages.errorKey(FORM + ":confirmation", "code.notConfirmed");
    }

    /** Once the code is set: nothing of it stays in the session. */
    public void clear() {
        code = null;
        confirmation = null;
    }

    public List<RuleCheck> getRuleChecks() {
        return policy.evaluate(code == null ? "" : code, personalData);
    }

    public String getStrength() {
        return policy.strength(code == null ? "" : code, personalData).label();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
