package fr.ameli.compte.application.mail;

import fr.ameli.compte.application.shared.FrenchTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A mail from its two templates, {@code mails/<name>.txt} and {@code mails/<name>.html}. The text
 * template's first line is the subject, « Objet : … », then a blank line, then the text part;
 * the HTML template gets the same values plus {@code objet}. The text part's lines end in CRLF,
 * as a mail's do.
 */
@ApplicationScoped
public class MailTemplates {

    static final String SUBJECT = "Objet : ";

    private Templates templates;

    /** For the container's proxy only. */
    protected MailTemplates() {
    }

    @Inject
    public MailTemplates(Templates templates) {
        this.templates = templates;
    }

    /** The values of a mail that carries a single-use link: {@code lien}, {@code validite}, {@code echeance}. */
    public static Map<String, Object> singleUseLink(URI link, Duration validity, Instant expiresAt) {
        return Map.of("lien", link, "validite", FrenchTime.duration(validity), "echeance", FrenchTime.when(expiresAt));
    }

    public MailMessage compose(String name, String recipient, Map<String, ?> values) {
        String rendered = templates.render("mails/" + name + ".txt", values).replace("\r\n", "\n");
        int endOfSubject = rendered.indexOf('\n');
        if (!rendered.startsWith(SUBJECT) || !rendered.startsWith("\n", endOfSubject + 1)) {
            throw new IllegalStateException("mails/" + name + ".txt must start with « " + SUBJECT + "… » and a blank line");
        }
        String subject = rendered.substring(SUBJECT.length(), endOfSubject).strip();
        String text = rendered.substring(endOfSubject + 2).replace("\n", "\r\n");
        Map<String, Object> htmlValues = new HashMap<>(values);
        htmlValues.put("objet", subject);
        return new MailMessage(recipient, subject, text, templates.render("mails/" + name + ".html", htmlValues));
    }
}
