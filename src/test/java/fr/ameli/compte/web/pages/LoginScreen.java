package fr.ameli.compte.web.pages;

/** The login page (index.xhtml, form « connexion »), as a person uses it. */
public record LoginScreen(Browser browser) {

    /** Types the NIR and the code and presses « Me connecter ». */
    public void logIn(String nir, String code) {
        browser.type("connexion:nir", nir);
        browser.type("connexion:code", code);
        submit();
    }

    public void submit() {
        browser.submit("connexion:connecter");
    }

    /** The form's page-level message (wrong code, lock, pending account), empty when none. */
    public String error() {
        return browser.globalErrors("connexion");
    }
}
