package fr.ameli.compte.web.pages;

/** « Modifier mon adresse email » (espace/adresse-email.xhtml, form « adresseEmail »), as a person uses it. */
public record EmailChangeScreen(Browser browser) {

    /** Types the new address and its confirmation. */
    public void fill(String email, String confirmation) {
        browser.type("adresseEmail:email", email);
        browser.type("adresseEmail:emailConfirmation", confirmation);
    }

    /** Types the current code personnel (asked at every change of address). */
    public void currentCode(String code) {
        browser.type("adresseEmail:codeActuel", code);
    }

    /** Whether the page asks for the code personnel again. */
    public boolean asksForTheCode() {
        return !browser.driver.findElements(org.openqa.selenium.By.id("adresseEmail:codeActuel")).isEmpty();
    }

    public void submit() {
        browser.submit("adresseEmail:envoyer");
    }
}
