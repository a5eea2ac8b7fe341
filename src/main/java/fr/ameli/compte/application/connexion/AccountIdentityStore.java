package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.code.CodeRule;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Login (PRODUCT §2.1, §2.10) for Jakarta Security, in two steps. The first,
 * {@link #checkCodePersonnel}, checks the NIR and the code personnel against the account's PBKDF2
 * hash and logs nobody in; the second, the security code mailed to the account ({@link SecurityCodes}),
 * ends with a {@link SecurityCodeCredential} that {@link #validate} accepts, or, from a browser
 * remembered for the account, a {@link RememberedBrowserCredential}. A FranceConnect+ login
 * ({@link FranceConnectCredential}, level {@code eidas2} or above) is already proven elsewhere; a
 * FranceConnect login at the standard level is only a first step, as a code personnel is. Only an {@code ACTIVE} account logs
 * in. The caller's name is the NIR's 13 characters; the group {@value #INSURED} opens « Mon espace ».
 *
 * <p>Against guessing: 5 consecutive failures for a NIR from one address lock that address out
 * (15 min, doubling up to 24 h), and a NIR with many failures in a day is slowed ({@link LoginLocks});
 * a NIR without an account costs the same hashing time as one with an account, and gets the same answer. Only a correct code learns that an account still waits for activation.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    public static final String INSURED = "assure";

    @Inject
    AccountRepository accounts;
    @Inject
    CodeHasher codeHasher;
    @Inject
    LoginLocks loginLocks;
    @Inject
    AuditTrail audit;
    @Inject
    LoginOutcome outcome;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof FranceConnectCredential franceConnect) {
            // Only FranceConnect+ is two factors of its own; the standard level goes through the security code.
            return franceConnect.substantial() ? loggedIn(franceConnect.nir()) : CredentialValidationResult.INVALID_RESULT;
        }
        if (credential instanceof SecurityCodeCredential twoSteps) {
            return loggedIn(twoSteps.nir());
        }
        if (credential instanceof RememberedBrowserCredential fromOwnBrowser) {
            return loggedIn(fromOwnBrowser.nir());
        }
        if (credential instanceof PasskeyCredential passkey) {
            return loggedIn(passkey.nir());
        }
        // A code personnel alone never logs in (PRODUCT §2.10): it is checked by checkCodePersonnel.
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** How a login was made, for « Mes dernières connexions »: told by the credential that proved it. */
    public static LoginSession.Method methodOf(Credential credential) {
        if (credential instanceof FranceConnectCredential) {
            return LoginSession.Method.FRANCECONNECT;
        }
        if (credential instanceof PasskeyCredential) {
            return LoginSession.Method.PASSKEY;
        }
        if (credential instanceof SecurityCodeCredential twoSteps && twoSteps.afterFranceConnect()) {
            return LoginSession.Method.FRANCECONNECT_SECURITY_CODE;
        }
        return credential instanceof RememberedBrowserCredential ? LoginSession.Method.REMEMBERED_BROWSER : LoginSession.Method.SECURITY_CODE;
    }

    /** A login proven on the server (both steps, a remembered browser, or FranceConnect): the active account of {@code nir} logs in. */
    private CredentialValidationResult loggedIn(Nir nir) {
        if (accounts.findActive(nir).isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        audit.record(AuditEvent.Type.LOGIN_SUCCESS, nir);
        return new CredentialValidationResult(nir.digits13(), Set.of(INSURED));
    }

    /** The code personnel typed again by a logged-in person: their active account when it is right; else until when they are locked out, if they are. */
    public record CurrentCode(Optional<Account> account, Instant lockedUntil) {
    }

    /**
     * A logged-in person's code personnel typed again before a sensitive change (PRODUCT §2.11):
     * checked exactly as the login's first step, so wrong ones count towards the same lock.
     */
    public CurrentCode checkCurrentCode(Nir nir, String typed) {
        CredentialValidationResult proven = checkCodePersonnel(new UsernamePasswordCredential(nir.digits13(), new Password(typed)));
        if (proven.getStatus() == CredentialValidationResult.Status.VALID) {
            return new CurrentCode(accounts.findActive(nir), null);
        }
        return new CurrentCode(Optional.empty(), switch (outcome.refusal()) {
            case LOCKED, SLOWED -> outcome.lockedUntil();
            case WRONG_CREDENTIALS, PENDING_ACTIVATION -> null;
        });
    }

    /**
     * The login's first step: the NIR and the code personnel. VALID means the code is right for an
     * active account — the security code comes next; nobody is logged in by this.
     */
    public CredentialValidationResult checkCodePersonnel(UsernamePasswordCredential login) {
        String code = login.getPasswordAsString();
        Optional<Nir> nir = Nir.tryParse(login.getCaller());
        if (nir.isEmpty() || code == null || code.length() > CodeRule.MAX_LENGTH) {
            // The same hashing time as any login, and counted for this address like a wrong code.
            loginLocks.unreadable(() -> codeHasher.verify("", Optional.empty()))
                    .ifPresent(until -> outcome.refuse(LoginOutcome.Refusal.LOCKED, until));
            return CredentialValidationResult.INVALID_RESULT;
        }
        Throttled<Account> checked = loginLocks.guard(nir.get(), () -> {
            // A NIR without an account costs the same hashing time (a decoy hash) as one with an account.
            Optional<Account> account = accounts.findByNir(nir.get());
            return codeHasher.verify(code, account.map(Account::codeHash)) ? account : Optional.empty();
        });
        if (checked.locked()) {
            outcome.refuse(checked.slowed() ? LoginOutcome.Refusal.SLOWED : LoginOutcome.Refusal.LOCKED, checked.lockedUntil().get());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (checked.passed() && checked.value().get().isActive()) {
            return new CredentialValidationResult(nir.get().digits13(), Set.of(INSURED));
        }
        if (checked.passed()) {
            outcome.refuse(LoginOutcome.Refusal.PENDING_ACTIVATION, null);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
