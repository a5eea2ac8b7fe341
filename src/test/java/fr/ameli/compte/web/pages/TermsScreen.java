package fr.ameli.compte.web.pages;

/** The wizard's terms step (creation/conditions.xhtml, form « conditions »). */
public record TermsScreen(Browser browser) {

    /** Ticks « Oui » (accept) or « Non » (refuse). */
    public void choose(boolean accept) {
        browser.find(accept ? "conditions:choix:0" : "conditions:choix:1").click();
    }

    public void submit() {
        browser.submit("conditions:continuer");
    }

    /** Ticks « Oui » and continues. */
    public void accept() {
        choose(true);
        submit();
    }
}
