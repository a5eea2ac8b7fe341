package fr.ameli.compte.application.espace;

import fr.ameli.compte.domain.account.EmailChangeTokenRepository;
import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.account.EmailChangeToken;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * « Modifier mon adresse email » (PRODUCT §2.11). The logged-in person asks for a new address: a
 * single-use link valid {@code ameli.email-change.validity} (24 hours) goes to it, and the address
 * changes only when the POST of that link's page {@link #confirm confirms} it; the old address is
 * then told ({@link SecurityNotices#emailChanged}). Opening the link only {@link #check checks} it
 * (a mail scanner spends nothing).
 *
 * <p>An address another account already has is accepted, as at the account's creation (PRODUCT §3:
 * a household, a helper's mailbox): one rule for both, and nothing is ever looked up or listed by
 * address alone — so the page tells nobody which addresses have an account. Asking again makes the
 * earlier pending request stop working, and at most {@code ameli.mail.per-hour} (3) requests an hour count for an account.
 */
@Stateless
public class EmailChange {


    /** The answer to a request: SENT (a mail left, whatever it says), SAME_ADDRESS (already the account's), TOO_MANY (until {@code tooManyUntil}). */
    public record Requested(Status status, Instant tooManyUntil) {
        public enum Status { SENT, SAME_ADDRESS, TOO_MANY }
    }

    /** What a link is worth, or what its POST did. */
    public enum Outcome { READY, CONFIRMED, ALREADY_USED, EXPIRED, UNKNOWN }

    /** A link opened: its outcome and, while it can still be confirmed, the address it would set. */
    public record Link(Outcome outcome, EmailAddress newEmail) {
        public static final Link UNKNOWN = new Link(Outcome.UNKNOWN, null);
    }

    @Inject
    AccountRepository accounts;
    @Inject
    EmailChangeTokenRepository emailChangeTokenRepository;
    @Inject
    MailOutbox outbox;
    @Inject
    MailTemplates mails;
    @Inject
    ServiceSettings settings;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityNotices notices;
    @Inject
    Clock clock;

    /** The logged-in owner of {@code nir} asks that {@code newEmail} become the account's address. */
    public Requested request(Nir nir, EmailAddress newEmail) {
        return request(nir, newEmail, false);
    }

    /**
     * The same, asked by the owner or, {@code byAgent}, by an agent of the caisse who checked their
     * identity document at the counter (PRODUCT §2.12): the same rules and link, the mail to the new
     * address says that a conseiller gave it.
     */
    public Requested request(Nir nir, EmailAddress newEmail, boolean byAgent) {
        Account account = accounts.findActive(nir)
                .orElseThrow(() -> new IllegalStateException("An email change needs an active account"));
        if (sameAddress(account.contact().email(), newEmail)) {
            return new Requested(Requested.Status.SAME_ADDRESS, null);
        }
        Optional<Instant> tooMany = throttling.attempt(Kind.EMAIL_CHANGE, pseudonyms.of(nir), settings.mailsPerHour());
        if (tooMany.isPresent()) {
            return new Requested(Requested.Status.TOO_MANY, tooMany.get());
        }
        Instant now = clock.instant();
        emailChangeTokenRepository.cancelEmailChanges(account);
        audit.record(AuditEvent.Type.EMAIL_CHANGE_REQUESTED, nir);
        String secret = SecretTokens.newToken();
        Instant expiresAt = now.plus(settings.emailChangeValidity());
        emailChangeTokenRepository.addEmailChange(new EmailChangeToken(SecretTokens.hash(secret), account, newEmail, expiresAt));
        outbox.enqueue(MailedLink.EMAIL_CHANGE.compose(mails, newEmail.value(), MailedLink.EMAIL_CHANGE.link(settings.baseUrl(), secret),
                settings.emailChangeValidity(), expiresAt, java.util.Map.of("conseiller", byAgent)), account.id());
        return new Requested(Requested.Status.SENT, null);
    }

    /** Opens a link, changing nothing. */
    public Link check(String token) {
        return find(token).map(t -> switch (t.stateAt(clock.instant())) {
            case VALID -> new Link(Outcome.READY, t.newEmail());
            case USED -> new Link(Outcome.ALREADY_USED, null);
            case EXPIRED -> new Link(Outcome.EXPIRED, null);
        }).orElse(Link.UNKNOWN);
    }

    /**
     * « Confirmer ma nouvelle adresse »: a valid link sets its address, once, and the old address is
     * told.
     */
    public Outcome confirm(String token) {
        // Read locked: of two confirmations at the same instant, the second finds the link used.
        Optional<EmailChangeToken> found = SecretTokens.looksLikeToken(token)
                ? accounts.findToSpend(EmailChangeToken.class, SecretTokens.hash(token)) : Optional.empty();
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        EmailChangeToken link = found.get();
        Instant now = clock.instant();
        switch (link.stateAt(now)) {
            case USED -> { return Outcome.ALREADY_USED; }
            case EXPIRED -> { return Outcome.EXPIRED; }
            case VALID -> { }
        }
        Account account = link.account();
        EmailAddress oldAddress = account.contact().email();
        link.use(now);
        notices.emailChanged(account, oldAddress);
        audit.record(AuditEvent.Type.EMAIL_CHANGE_CONFIRMED, account.nir());
        return Outcome.CONFIRMED;
    }

    /** The same address whatever the case of its letters. */
    static boolean sameAddress(EmailAddress a, EmailAddress b) {
        return a.value().toLowerCase(Locale.ROOT).equals(b.value().toLowerCase(Locale.ROOT));
    }

    private Optional<EmailChangeToken> find(String token) {
        return SecretTokens.looksLikeToken(token) ? emailChangeTokenRepository.findEmailChange(SecretTokens.hash(token)) : Optional.empty();
    }
}
