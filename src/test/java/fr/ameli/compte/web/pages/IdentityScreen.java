package fr.ameli.compte.web.pages;

/** The wizard's identity step (creation/identite.xhtml, form « identite »). */
public record IdentityScreen(Browser browser) {

    public void fill(String name, String nir, String birthDate, String postalCode) {
        browser.type("identite:nom", name);
        browser.type("identite:nir", nir);
        browser.type("identite:naissance", birthDate);
        browser.type("identite:codePostal", postalCode);
    }

    /** Fills the four fields and continues. */
    public void identify(String name, String nir, String birthDate, String postalCode) {
        fill(name, nir, birthDate, postalCode);
        submit();
    }

    public void submit() {
        browser.submit("identite:continuer");
    }

    /** The form's page-level message (not identified, account already there), empty when none. */
    public String error() {
        return browser.globalErrors("identite");
    }
}
