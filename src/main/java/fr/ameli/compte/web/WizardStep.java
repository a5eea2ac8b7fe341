package fr.ameli.compte.web;

/** The wizard's pages in order; a page opens only once the one before it succeeded. */
enum WizardStep {
    IDENTITY("identite"),
    VERIFICATION("verification"),
    TERMS("conditions"),
    CODE("code-personnel"),
    CONTACT("coordonnees");

    private final String page;

    WizardStep(String page) {
        this.page = page;
    }

    /** The navigation outcome that redirects to this step (Weld adds the conversation id). */
    String redirect() {
        return "/creation/" + page + "?faces-redirect=true";
    }
}
