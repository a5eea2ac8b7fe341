package fr.ameli.compte.web;

import fr.ameli.compte.application.FrenchTime;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.time.Instant;
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

    /** « 27 novembre 2026 à 14h35 », Paris time: when something will be possible again. */
    static String when(Instant instant) {
        return FrenchTime.when(instant);
    }

    /** A text with its {0}, {1}… filled in. */
    static String format(String key, Object... arguments) {
        return new MessageFormat(text(key).replace("'", "''"), Locale.FRANCE).format(arguments);
    }

    static boolean hasErrors() {
        return FacesContext.getCurrentInstance().getMaximumSeverity() != null;
    }
}
