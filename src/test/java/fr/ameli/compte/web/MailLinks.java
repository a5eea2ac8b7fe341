package fr.ameli.compte.web;

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

    /**
     * The security-code mails the relay holds now, by their Message-ID: the code awaited next is in
     * one that is not among them (the relay's list is not in the order mails were sent, and a mail of
     * an earlier login may arrive late, so neither a count nor « the last one » tells which is new).
     */
    static java.util.Set<String> securityCodeMailIds(MimeMessage[] received) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage m : received) {
            if (SECURITY_CODE_SUBJECT.equals(m.getSubject())) {
                ids.add(java.util.Objects.requireNonNull(m.getMessageID(), "a mail without Message-ID"));
            }
        }
        return ids;
    }

    /** The code of the security-code mail that arrives and is not one of {@code before}, as the person reads it. */
    static String awaitSecurityCode(java.util.function.Supplier<MimeMessage[]> received, java.util.Set<String> before) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : received.get()) {
                if (SECURITY_CODE_SUBJECT.equals(m.getSubject()) && !before.contains(m.getMessageID())) {
                    String text = fr.ameli.compte.MailText.of(m);
                    Matcher code = SECURITY_CODE.matcher(text);
                    assertTrue(code.find(), text);
                    return code.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new security-code mail");
    }

    /**
     * The whole login as a person does it: NIR and code personnel, then — when that is right — the
     * security code read from the mail. Returns the page shown last (« Mon espace », or the refusal).
     */
    static FormClient.Page logIn(FormClient client, String nir, String code, java.util.function.Supplier<MimeMessage[]> received) {
        try {
            java.util.Set<String> before = securityCodeMailIds(received.get());
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
        String text = fr.ameli.compte.MailText.of(mail);
        Matcher m = link.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
