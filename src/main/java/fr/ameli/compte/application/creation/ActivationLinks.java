package fr.ameli.compte.application.creation;

import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.ActivationToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * Activation links, in one place for the first mail and for a resent one: a fresh 256-bit token
 * (only its hash is kept), valid {@code ameli.activation.validity}, and the mail that carries it,
 * written to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class ActivationLinks {

    /** A new link: the token to store, and the secret that only the mail carries. */
    public record Issued(ActivationToken token, String secret, Instant expiresAt) {
    }

    @Inject
    ServiceSettings settings;
    @Inject
    MailOutbox outbox;
    @Inject
    MailTemplates mails;

    public Issued issue(Account account, Instant now) {
        String secret = SecretTokens.newToken();
        Instant expiresAt = now.plus(settings.activationValidity());
        return new Issued(new ActivationToken(SecretTokens.hash(secret), account, expiresAt), secret, expiresAt);
    }

    /** Puts the activation mail in the outbox; says where it goes and until when it works. */
    public PendingAccount mail(Account account, Issued issued) {
        Duration validity = settings.activationValidity();
        String email = account.contact().email().value();
        outbox.enqueue(MailedLink.ACTIVATION.compose(mails, email, MailedLink.ACTIVATION.link(settings.baseUrl(), issued.secret()), validity,
                issued.expiresAt()), account.id());
        return new PendingAccount(email, validity, issued.expiresAt());
    }
}
