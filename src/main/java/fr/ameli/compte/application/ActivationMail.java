package fr.ameli.compte.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The activation mail, in French: a text part with the absolute link on a line of its own (mail
 * programs make it clickable, and a person can copy it), an HTML alternative, and how long the
 * link stays valid.
 */
public final class ActivationMail {

    static final String PATH = "activation.xhtml?jeton=";
    static final String SUBJECT = "Activez votre compte ameli";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private ActivationMail() {
    }

    public static URI link(URI baseUrl, String token) {
        return baseUrl.resolve(PATH + token);
    }

    /** « 29 novembre 2026 à 10h30 », Paris time. */
    public static String when(Instant instant) {
        return WHEN.format(instant.atZone(PARIS));
    }

    public static MailMessage compose(String recipient, URI link, Duration validity, Instant expiresAt) {
        String until = when(expiresAt);
        String during = describe(validity);
        String text = String.join("\r\n",
                "Bonjour,",
                "",
                "Vous avez demandé la création de votre compte ameli.",
                "Pour l'activer, ouvrez le lien ci-dessous dans votre navigateur :",
                "",
                link.toString(),
                "",
                "Ce lien est valable " + during + ", jusqu'au " + until + " (heure de Paris), et ne sert qu'une fois.",
                "Passé ce délai, votre demande est effacée : il vous suffira de recommencer la création de votre compte.",
                "",
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.",
                "",
                "L'Assurance Maladie",
                "Ce message est envoyé automatiquement, merci de ne pas y répondre.",
                "");
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>" + SUBJECT + "</title></head>"
                + "<body style=\"font-family:Arial,sans-serif;font-size:16px;color:#1a1a1a\">"
                + "<p>Bonjour,</p>"
                + "<p>Vous avez demandé la création de votre compte ameli.</p>"
                + "<p><a href=\"" + link + "\" style=\"display:inline-block;padding:12px 20px;background:#0c419a;color:#ffffff;"
                + "text-decoration:none;border-radius:4px\">Activer mon compte ameli</a></p>"
                + "<p>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>" + link + "</p>"
                + "<p>Ce lien est valable " + during + ", jusqu'au " + until + " (heure de Paris), et ne sert qu'une fois.</p>"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.</p>"
                + "<p>L'Assurance Maladie</p></body></html>";
        return new MailMessage(recipient, SUBJECT, text, html);
    }

    /** « 48 heures », « 2 jours », « 30 minutes », « 5 secondes »: a duration as a person says it. */
    public static String describe(Duration d) {
        long seconds = d.getSeconds();
        if (seconds % 86_400 == 0 && seconds >= 86_400 * 3) {
            return plural(seconds / 86_400, "jour");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "heure");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "seconde");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n > 1 ? "s" : "");
    }
}
