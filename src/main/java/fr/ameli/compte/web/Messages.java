package fr.ameli.compte.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.Locale;
import java.util.ResourceBundle;

/** The pages' French texts (one bundle, also named {@code msg} in the pages) and field messages. */
final class Messages {

    static final String BUNDLE = "fr.ameli.compte.web.messages";

    private Messages() {
    }

    static String text(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.FRANCE).getString(key);
    }

    /** An error shown at the field whose client id is given (null: at the top of the page). */
    static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    static void errorKey(String clientId, String key) {
        error(clientId, text(key));
    }

    static boolean hasErrors() {
        return FacesContext.getCurrentInstance().getMaximumSeverity() != null;
    }
}
