package fr.ameli.compte.application.security;

import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.RememberedBrowser;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The mails that tell the owner of an account what just happened to it, so that a change they did
 * not make does not go unnoticed (PRODUCT §2.10, §2.11, §5): the code personnel was changed; the
 * email address was changed (told to the old address); the login was locked for a device after
 * wrong codes (at most one such mail an hour); a browser was remembered; an agent of the caisse
 * lifted the locks. Plain French, what to
 * do if it was not them, never a link (ameli never asks anything by link). Through the outbox, in
 * the caller's transaction when there is one.
 */
@Stateless
public class SecurityNotices {

    static final int LOCK_MAILS_PER_HOUR = 1;

    @Inject
    AccountRepository accounts;
    @Inject
    MailTemplates mails;
    @Inject
    MailOutbox outbox;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    Clock clock;

    /** « Votre code personnel ameli a été modifié ». */
    public void codeChanged(Account account) {
        send(account, "code-modifie", Map.of("quand", FrenchTime.when(clock.instant())));
    }

    /** « Votre adresse email a été modifiée », to the address the account had before: the new one is only shown masked. */
    public void emailChanged(Account account, EmailAddress oldAddress) {
        outbox.enqueue(mails.compose("email-modifie", oldAddress.value(), Map.of("quand", FrenchTime.when(clock.instant()),
                "nouvelle", account.contact().email().masked())), account.id());
    }

    /** « Connexion à votre compte ameli bloquée sur un appareil », for an active account only. */
    public void loginLocked(Nir nir, Instant until) {
        accounts.findActive(nir).ifPresent(account -> {
            if (throttling.attempt(Kind.LOCK_MAIL, pseudonyms.of(nir), LOCK_MAILS_PER_HOUR).isEmpty()) {
                send(account, "connexion-bloquee", Map.of("jusqua", FrenchTime.when(until)));
            }
        });
    }

    /** « Votre accès au compte ameli est débloqué »: an agent of the caisse lifted the locks (PRODUCT §2.12); to the account's address, if there is an account. */
    public void locksLifted(Nir nir) {
        accounts.findByNir(nir).ifPresent(account -> send(account, "deblocage", Map.of("quand", FrenchTime.when(clock.instant()))));
    }

    /** « Un appareil a été mémorisé pour votre compte ameli »: which one, until when. */
    public void browserRemembered(Account account, RememberedBrowser browser) {
        send(account, "appareil-memorise", Map.of("quand", FrenchTime.when(browser.rememberedAt()),
                "appareil", browser.description(), "jusqua", FrenchTime.when(browser.expiresAt())));
    }

    /** « Une clé d'accès a été ajoutée à votre compte ameli »: which device, when (PRODUCT §2.11). */
    public void passkeyAdded(Account account, String name, Instant at) {
        send(account, "cle-acces-ajoutee", Map.of("quand", FrenchTime.when(at), "cle", name));
    }

    /** « Une clé d'accès a été supprimée de votre compte ameli »: which ({@code null}: all), when, by whom. */
    public void passkeysRemoved(Account account, String name, boolean byAgent, Instant at) {
        send(account, "cle-acces-supprimee", Map.of("quand", FrenchTime.when(at), "cle", name == null ? "" : name,
                "toutes", name == null, "conseiller", byAgent));
    }

    /**
     * « Une clé d'accès de votre compte ameli a été refusée »: its signature counter went backwards,
     * a sign that it was copied; it is refused until the person removes it (PRODUCT §2.11).
     */
    public void passkeyCloneSuspected(Account account, String name, Instant at) {
        send(account, "cle-acces-refusee", Map.of("quand", FrenchTime.when(at), "cle", name));
    }

    private void send(Account account, String template, Map<String, ?> values) {
        outbox.enqueue(mails.compose(template, account.contact().email().value(), values), account.id());
    }
}
