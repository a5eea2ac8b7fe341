package fr.ameli.compte.application;

import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.ActivationToken;
import fr.ameli.compte.domain.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Following the activation link: a valid token activates its account, once. A used, expired or
 * unknown token changes nothing and says which it was (a link whose account the expiry timer
 * removed is still « expiré » for {@code ameli.activation.expired-link-retention}), so that the page can tell the person
 * what to do next.
 */
@Stateless
public class Activation {

    private static final Logger LOG = Logger.getLogger(Activation.class.getName());

    @Inject
    AccountRepository accounts;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    public ActivationOutcome activate(String token) {
        if (!SecretTokens.looksLikeToken(token)) {
            return ActivationOutcome.UNKNOWN;
        }
        String hash = SecretTokens.hash(token);
        Optional<ActivationToken> found = accounts.findToken(hash);
        if (found.isEmpty()) {
            // The expiry timer removed its account, but remembers a while that the link existed.
            return accounts.isExpiredLink(hash) ? ActivationOutcome.EXPIRED : ActivationOutcome.UNKNOWN;
        }
        ActivationToken activation = found.get();
        Instant now = clock.instant();
        return switch (activation.stateAt(now)) {
            case USED -> ActivationOutcome.ALREADY_USED;
            case EXPIRED -> ActivationOutcome.EXPIRED;
            case VALID -> {
                activation.use(now);
                audit.record(AuditEvent.Type.ACCOUNT_ACTIVATED, activation.account().nir());
                LOG.info(() -> "Account " + activation.account().id() + " activated");
                yield ActivationOutcome.ACTIVATED;
            }
        };
    }
}
