package fr.ameli.compte.web.pages;

/** « Code oublié ? » (code-oublie.xhtml, form « oubli »): the NIR and the birth date. */
public record ForgottenCodeScreen(Browser browser) {

    public void fill(String nir, String birthDate) {
        browser.type("oubli:nir", nir);
        browser.type("oubli:naissance", birthDate);
    }

    public void submit() {
        browser.submit("oubli:envoyer");
    }
}
