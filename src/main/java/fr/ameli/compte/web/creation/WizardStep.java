package fr.ameli.compte.web.creation;

/**
 * The account-creation wizard's steps, in order; a page opens only once the step before it
 * succeeded. Each step has one name, its constant, used everywhere in the code and its comments;
 * the stepper the person sees numbers only the last three (« Étape 1 » is {@link #TERMS}).
 *
 * <table>
 *   <caption>The wizard's steps</caption>
 *   <tr><th>constant</th><th>page</th><th>stepper</th><th>form object</th><th>what it asks</th></tr>
 *   <tr><td>{@link #IDENTITY}</td><td>{@code creation/identite.xhtml}</td><td>—</td><td>{@link IdentityForm}</td>
 *       <td>name, NIR, birth date, postal code, checked against the register (PRODUCT §2.2)</td></tr>
 *   <tr><td>{@link #VERIFICATION}</td><td>{@code creation/verification.xhtml}</td><td>—</td><td>{@link ProofForm}</td>
 *       <td>the last 7 digits of the IBAN and the last 11 of the Vitale serial, or a letter with a
 *       provisional code instead (PRODUCT §2.3)</td></tr>
 *   <tr><td>{@link #TERMS}</td><td>{@code creation/conditions.xhtml}</td><td>Étape 1</td><td>{@link TermsForm}</td>
 *       <td>accepting the « zéro papier » terms of use (PRODUCT §2.4)</td></tr>
 *   <tr><td>{@link #CODE}</td><td>{@code creation/code-personnel.xhtml}</td><td>Étape 2</td><td>{@link CodeForm}</td>
 *       <td>the code personnel, twice, under its rules (PRODUCT §2.5)</td></tr>
 *   <tr><td>{@link #CONTACT}</td><td>{@code creation/coordonnees.xhtml}</td><td>Étape 3</td><td>{@link ContactForm}</td>
 *       <td>email, phones and consents; its « Continuer » creates the account (PRODUCT §2.6)</td></tr>
 * </table>
 */
public enum WizardStep {
    IDENTITY("identite"),
    VERIFICATION("verification"),
    TERMS("conditions"),
    CODE("code-personnel"),
    CONTACT("coordonnees");

    private final String page;

    WizardStep(String page) {
        this.page = page;
    }

    /** The page's name under {@code creation/}, also the step's name in the metrics. */
    public String page() {
        return page;
    }

    /** The navigation outcome that redirects to this step (Weld adds the conversation id). */
    String redirect() {
        return "/creation/" + page + "?faces-redirect=true";
    }
}
