package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.account.ActivationTokenRepository;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.ActivationToken;
import fr.ameli.compte.domain.security.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The activation link (PRODUCT §2.8). Opening it only {@link #check checks} it, so that a mail
 * scanner that opens every link of a message (GET or HEAD) spends nothing; the person's click on
 * « Activer mon compte » (a POST) {@link #activate activates} the account, once. A used, expired
 * or unknown token changes nothing and says which it was (a link whose account the expiry timer
 * removed is still « expiré » for {@code ameli.activation.expired-link-retention}), so that the
 * page can tell the person
 * what to do next.
 */
@Stateless
public class Activation {

    private static final Logger LOG = Logger.getLogger(Activation.class.getName());

    @Inject
    AccountRepository accounts;
    @Inject
    ActivationTokenRepository activationTokenRepository;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    /** What the link would do, changing nothing: {@link ActivationOutcome#READY} when it can activate. */
    public ActivationOutcome check(String token) {
        return find(token).map(activation -> switch (activation.stateAt(clock.instant())) {
            case USED -> ActivationOutcome.ALREADY_USED;
            case EXPIRED -> ActivationOutcome.EXPIRED;
            case VALID -> ActivationOutcome.READY;
        }).orElseGet(() -> withoutToken(token));
    }

    /**
     * The person's « Activer mon compte »: a valid token activates its account, once — even for
     * clicks at the same instant (the token is read locked: {@link AccountRepository#findToSpend}).
     */
    public ActivationOutcome activate(String token) {
        Optional<ActivationToken> found = SecretTokens.looksLikeToken(token)
                ? accounts.findToSpend(ActivationToken.class, SecretTokens.hash(token)) : Optional.empty();
        if (found.isEmpty()) {
            return withoutToken(token);
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

    /** A token we do not hold: the expiry timer may have removed its account, but remembers a while that it existed. */
    private ActivationOutcome withoutToken(String token) {
        return SecretTokens.looksLikeToken(token) && activationTokenRepository.isExpiredLink(SecretTokens.hash(token))
                ? ActivationOutcome.EXPIRED : ActivationOutcome.UNKNOWN;
    }

    private Optional<ActivationToken> find(String token) {
        return SecretTokens.looksLikeToken(token) ? activationTokenRepository.findToken(SecretTokens.hash(token)) : Optional.empty();
    }
}
