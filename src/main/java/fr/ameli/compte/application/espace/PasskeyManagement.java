package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.connexion.BrowserNames;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.PasskeyCeremonies;
import fr.ameli.compte.application.security.PasskeyOptions;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.account.PasskeyRepository;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * « Mes clés d'accès » (PRODUCT §2.11): the logged-in person's passkeys — create one on this device
 * (after the code personnel typed again, checked by the page as for the code change), name it,
 * remove it. Every addition and removal is mailed to the account's address and audited.
 */
@Stateless
public class PasskeyManagement {

    private static final Logger LOG = Logger.getLogger(PasskeyManagement.class.getName());

    /** A passkey as the page shows it: never the key. */
    public record PasskeyLine(long id, String name, Instant createdAt, Instant lastUsedAt, boolean synced) implements Serializable {
    }

    public enum Added { ADDED, REFUSED, NO_ACCOUNT }

    @Inject
    PasskeyCeremonies ceremonies;
    @Inject
    PasskeyRepository passkeys;
    @Inject
    AccountRepository accounts;
    @Inject
    InsuredPersonRepository register;
    @Inject
    SecurityNotices notices;
    @Inject
    AuditTrail audit;
    @Inject
    ClientOrigin origin;
    @Inject
    Clock clock;

    /** What {@code navigator.credentials.create()} is given for this challenge; empty without an active account. */
    public Optional<String> creationOptions(Nir nir, byte[] challenge) {
        return accounts.findActive(nir).map(account -> {
            String handle = account.userHandle(SecretTokens::newToken);
            String name = register.find(nir).map(PasskeyManagement::nameOf).orElse("Compte ameli");
            List<String> excluded = passkeys.ofAccount(account.id()).stream().map(p -> credentialIdOf(p.attestedCredential())).toList();
            return PasskeyOptions.creation(ceremonies.rpId(), challenge, handle, name, excluded);
        });
    }

    /** The browser's answer to {@code create()}: checked, then kept, named after this browser, mailed and audited. */
    public Added add(Nir nir, String responseJson, byte[] challenge) {
        Optional<Account> account = accounts.findActive(nir);
        if (account.isEmpty()) {
            return Added.NO_ACCOUNT;
        }
        PasskeyCeremonies.NewCredential credential;
        try {
            credential = ceremonies.register(responseJson, challenge);
        } catch (PasskeyCeremonies.Refused e) {
            LOG.info(() -> "Passkey refused at its creation: " + e.getMessage());
            return Added.REFUSED;
        }
        Instant now = clock.instant();
        Passkey passkey = new Passkey(account.get().id(), SecretTokens.hash(credential.credentialId()), credential.attestedCredential(),
                credential.signCount(), credential.uvInitialized(), credential.backupEligible(), credential.backedUp(),
                String.join(",", credential.transports()), BrowserNames.of(origin.userAgent()), now);
        passkeys.add(passkey);
        notices.passkeyAdded(account.get(), passkey.name(), now);
        audit.record(AuditEvent.Type.PASSKEY_ADDED, nir);
        return Added.ADDED;
    }

    /** The account's passkeys, oldest first. */
    public List<PasskeyLine> list(Nir nir) {
        return accounts.findActive(nir).map(account -> passkeys.ofAccount(account.id()).stream()
                .map(p -> new PasskeyLine(p.id(), p.name(), p.createdAt(), p.lastUsedAt(), p.backedUp())).toList()).orElse(List.of());
    }

    /** Gives one of the person's passkeys a name of their choosing; false when they have none with that id. */
    public boolean rename(Nir nir, long passkeyId, String name) {
        Optional<Passkey> passkey = accounts.findActive(nir).flatMap(account -> passkeys.ofAccount(account.id()).stream()
                .filter(p -> p.id() == passkeyId).findFirst());
        passkey.ifPresent(p -> {
            p.rename(name);
            audit.record(AuditEvent.Type.PASSKEY_RENAMED, nir);
        });
        return passkey.isPresent();
    }

    /** Removes one of the person's passkeys: it stops working at once; mailed and audited. */
    public boolean remove(Nir nir, long passkeyId) {
        Optional<Account> account = accounts.findActive(nir);
        Optional<Passkey> passkey = account.flatMap(a -> passkeys.ofAccount(a.id()).stream().filter(p -> p.id() == passkeyId).findFirst());
        if (passkey.isEmpty() || !passkeys.remove(account.get().id(), passkeyId)) {
            return false;
        }
        notices.passkeysRemoved(account.get(), passkey.get().name(), false, clock.instant());
        audit.record(AuditEvent.Type.PASSKEY_REMOVED, nir);
        return true;
    }

    /** « Marie TOTO »: how the person's device shows whose passkey it is. */
    static String nameOf(InsuredPerson person) {
        String given = person.givenNames() == null ? "" : person.givenNames().strip();
        String first = given.isEmpty() ? "" : given.split("\\s+")[0] + " ";
        return first + person.familyName().value();
    }

    private String credentialIdOf(String attestedCredential) {
        return ceremonies.credentialId(attestedCredential);
    }
}
