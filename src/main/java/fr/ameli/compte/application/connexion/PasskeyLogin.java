package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.PasskeyCeremonies;
import fr.ameli.compte.application.security.PasskeyOptions;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.account.PasskeyRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * « Me connecter avec une clé d'accès » (PRODUCT §2.1): a passkey's assertion, checked
 * ({@link PasskeyCeremonies}), logs its account in — no code personnel, no security code: the
 * device verified the person (its PIN, fingerprint or face) and the signature proves the device,
 * for this service's origin only, which no copy of the page can get. The credential must be one of
 * ours, of an active account whose handle the assertion names. Failures count towards the lock of
 * the NIR from this address ({@link LoginLocks}), so none can lock the owner out; a signature counter
 * gone backwards (a copied credential) is refused, audited and told to the person by mail.
 */
@Stateless
public class PasskeyLogin {

    private static final Logger LOG = Logger.getLogger(PasskeyLogin.class.getName());

    @Inject
    PasskeyCeremonies ceremonies;
    @Inject
    PasskeyRepository passkeys;
    @Inject
    AccountRepository accounts;
    @Inject
    LoginLocks loginLocks;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityNotices notices;
    @Inject
    Clock clock;

    /** What {@code navigator.credentials.get()} is given for this challenge. */
    public String requestOptions(byte[] challenge) {
        return PasskeyOptions.request(ceremonies.rpId(), challenge);
    }

    /** The NIR the assertion proves, once every check passed; empty otherwise (the page says only that it failed). */
    public Optional<Nir> logIn(String responseJson, byte[] challenge) {
        PasskeyCeremonies.Claimed claimed;
        try {
            claimed = ceremonies.claimed(responseJson);
        } catch (PasskeyCeremonies.Refused e) {
            LOG.info(() -> "Passkey login refused: " + e.getMessage());
            return Optional.empty();
        }
        Optional<Passkey> found = passkeys.findToUse(SecretTokens.hash(claimed.credentialId()));
        Optional<Account> account = found.flatMap(p -> accounts.findById(p.accountId())).filter(Account::isActive);
        if (account.isEmpty()) {
            LOG.info("Passkey login refused: a credential that is no active account's");
            return Optional.empty();
        }
        Nir nir = account.get().nir();
        if (claimed.userHandle() != null && !claimed.userHandle().equals(account.get().userHandle().orElse(null))) {
            audit.record(AuditEvent.Type.PASSKEY_FAILURE, nir);
            LOG.warning("Passkey login refused: the assertion names another account than its credential's");
            return Optional.empty();
        }
        Passkey passkey = found.get();
        PasskeyCeremonies.StoredCredential stored = new PasskeyCeremonies.StoredCredential(passkey.attestedCredential(), passkey.signCount(),
                passkey.uvInitialized(), passkey.backupEligible(), passkey.backedUp(), transports(passkey));
        Throttled<PasskeyCeremonies.Verified> checked = loginLocks.guard(nir, () -> {
            try {
                return Optional.of(ceremonies.authenticate(responseJson, challenge, stored));
            } catch (PasskeyCeremonies.Refused e) {
                LOG.info(() -> "Passkey login refused: " + e.getMessage());
                audit.record(e.reason() == PasskeyCeremonies.Reason.COUNTER ? AuditEvent.Type.PASSKEY_CLONE_SUSPECTED
                        : AuditEvent.Type.PASSKEY_FAILURE, nir);
                if (e.reason() == PasskeyCeremonies.Reason.COUNTER) {
                    notices.passkeyCloneSuspected(account.get(), passkey.name(), clock.instant());
                }
                return Optional.empty();
            }
        });
        if (!checked.passed()) {
            return Optional.empty();
        }
        passkey.used(checked.value().get().signCount(), checked.value().get().backedUp(), clock.instant());
        return Optional.of(nir);
    }

    static Set<String> transports(Passkey passkey) {
        return passkey.transports() == null || passkey.transports().isBlank() ? Set.of()
                : Set.copyOf(Arrays.asList(passkey.transports().split(",")));
    }
}
