package fr.ameli.compte.web.pages;

/** The wizard's contact step (creation/coordonnees.xhtml, form « coordonnees »). */
public record ContactScreen(Browser browser) {

    /** Types the address and its confirmation. */
    public void email(String address) {
        browser.type("coordonnees:email", address);
        browser.type("coordonnees:emailConfirmation", address);
    }

    /** Answers « Oui » or « Non » to the promotional mails. */
    public void promotions(boolean wanted) {
        browser.find(wanted ? "coordonnees:promotions:0" : "coordonnees:promotions:1").click();
    }

    public void submit() {
        browser.submit("coordonnees:continuer");
    }
}
