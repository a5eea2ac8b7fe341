package fr.ameli.compte.infrastructure.templates;

import fr.ameli.compte.application.shared.Words;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.ResourceBundle;

/** {@link Words} from the pages' bundle ({@code fr/ameli/compte/web/messages.properties}, also {@code msg} in the pages). */
@ApplicationScoped
public class BundleWords implements Words {

    static final String BUNDLE = "fr.ameli.compte.web.messages";

    @Override
    public String of(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.FRANCE).getString(key);
    }
}
