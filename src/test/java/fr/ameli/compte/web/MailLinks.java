package fr.ameli.compte.web;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The links that the service's mails carry, as tests at the HTTP level follow them. */
final class MailLinks {

    private static final Pattern ACTIVATION = Pattern.compile("(activation\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");
    private static final Pattern NEW_CODE = Pattern.compile("(nouveau-code\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");
    private static final Pattern EMAIL_CHANGE = Pattern.compile("(confirmation-email\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");

    private MailLinks() {
    }

    /** Opens the activation link of a mail, then clicks « Activer mon compte », as the person does. */
    static FormClient.Page activate(FormClient client, MimeMessage mail) throws Exception {
        return activate(client, activationPath(mail));
    }

    /** Opens an activation link (relative to the base URL), then clicks « Activer mon compte ». */
    static FormClient.Page activate(FormClient client, String path) {
        FormClient.Page page = client.get(path);
        return client.submit(page, "activation", "activation:activer", java.util.Map.of());
    }

    /** The activation link of a mail, relative to the service's base URL. */
    static String activationPath(MimeMessage mail) throws Exception {
        return path(mail, ACTIVATION);
    }

    /** The « Code oublié ? » link of a mail, relative to the service's base URL. */
    static String newCodePath(MimeMessage mail) throws Exception {
        return path(mail, NEW_CODE);
    }

    /** The link of a mail that confirms a new email address, relative to the service's base URL. */
    static String emailChangePath(MimeMessage mail) throws Exception {
        return path(mail, EMAIL_CHANGE);
    }

    static final String SECURITY_CODE_SUBJECT = "Votre code de sécurité ameli";
    private static final Pattern SECURITY_CODE = Pattern.compile("(?m)^(\\d{6})\r?$");

    /** How many security-code mails the relay holds. */
    static long securityCodeMails(MimeMessage[] received) throws Exception {
        long count = 0;
        for (MimeMessage m : received) {
            if (SECURITY_CODE_SUBJECT.equals(m.getSubject())) {
                count++;
            }
        }
        return count;
    }

    /** The code of the security-code mail that arrives after {@code before} of them, as the person reads it. */
    static String awaitSecurityCode(java.util.function.Supplier<MimeMessage[]> received, long before) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (securityCodeMails(received.get()) <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        MimeMessage last = null;
        for (MimeMessage m : received.get()) {
            if (SECURITY_CODE_SUBJECT.equals(m.getSubject())) {
                last = m;
            }
        }
        assertTrue(last != null, "no security-code mail");
        String text = (String) ((Multipart) last.getContent()).getBodyPart(0).getContent();
        Matcher m = SECURITY_CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    /**
     * The whole login as a person does it: NIR and code personnel, then — when that is right — the
     * security code read from the mail. Returns the page shown last (« Mon espace », or the refusal).
     */
    static FormClient.Page logIn(FormClient client, String nir, String code, java.util.function.Supplier<MimeMessage[]> received) {
        try {
            long before = securityCodeMails(received.get());
            FormClient.Page page = client.submit(client.get(""), "connexion", "connexion:connecter",
                    java.util.Map.of("connexion:nir", nir, "connexion:code", code));
            if (!page.hasForm("codeSecurite")) {
                return page;
            }
            return client.submit(page, "codeSecurite", "codeSecurite:valider",
                    java.util.Map.of("codeSecurite:code", awaitSecurityCode(received, before)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("reading the security code's mail", e);
        }
    }

    private static String path(MimeMessage mail, Pattern link) throws Exception {
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = link.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
