package fr.ameli.compte.web.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' French texts: one bundle ({@code messages.properties}, also named {@code msg} in the
 * pages), read here and nowhere else by the Java code.
 */
public final class Texts {

    static final String BUNDLE = "fr.ameli.compte.web.messages";

    private Texts() {
    }

    public static String text(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.FRANCE).getString(key);
    }

    /** A text with its {0}, {1}… filled in (an apostrophe is an apostrophe, not a quote). */
    public static String format(String key, Object... arguments) {
        return new MessageFormat(text(key).replace("'", "''"), Locale.FRANCE).format(arguments);
    }
}
