package fr.ameli.compte.web.pages;

/** The wizard's proof step (creation/verification.xhtml, form « verification »): IBAN and Vitale tails. */
public record ProofScreen(Browser browser) {

    public void fill(String ibanTail, String vitaleTail) {
        browser.type("verification:iban", ibanTail);
        browser.type("verification:vitale", vitaleTail);
    }

    /** Fills both tails and presses « Valider ». */
    public void prove(String ibanTail, String vitaleTail) {
        fill(ibanTail, vitaleTail);
        submit();
    }

    public void submit() {
        browser.submit("verification:valider");
    }

    /** The form's page-level message (proof refused, locked), empty when none. */
    public String error() {
        return browser.globalErrors("verification");
    }
}
