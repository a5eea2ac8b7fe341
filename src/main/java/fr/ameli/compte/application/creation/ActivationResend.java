package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.account.ActivationTokenRepository;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A new activation mail for a pending account whose owner has shown who they are (a correct
 * code at login): the old link stops working, the new one is valid a full period, and at most
 * {@code ameli.mail.per-hour} (3) are sent per hour for a NIR, so that nobody can flood a mailbox.
 */
@Stateless
public class ActivationResend {


    /** The new mail's address and validity, or until when no new mail can be asked for. */
    public record Outcome(PendingAccount pending, Instant tooManyUntil) {
    }

    @Inject
    ServiceSettings settings;
    @Inject
    AccountRepository accounts;
    @Inject
    ActivationTokenRepository activationTokenRepository;
    @Inject
    ActivationLinks links;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** Whether the NIR has an account still waiting for activation. */
    public boolean isPending(Nir nir) {
        return accounts.findByNir(nir).filter(account -> !account.isActive()).isPresent();
    }

    /** Empty when the NIR has no pending account (activated or expired meanwhile). */
    public Optional<Outcome> resend(Nir nir) {
        Optional<Account> pending = accounts.findByNir(nir).filter(account -> !account.isActive());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> tooMany = throttling.attempt(Kind.ACTIVATION_RESEND, pseudonyms.of(nir), settings.mailsPerHour());
        if (tooMany.isPresent()) {
            return Optional.of(new Outcome(null, tooMany.get()));
        }
        Account account = pending.get();
        Instant now = clock.instant();
        account.linkResent(now);
        ActivationLinks.Issued link = links.issue(account, now);
        activationTokenRepository.replaceToken(account, link.token());
        audit.record(AuditEvent.Type.ACTIVATION_RESENT, nir);
        return Optional.of(new Outcome(links.mail(account, link), null));
    }
}
