package fr.ameli.compte.application;

import fr.ameli.compte.domain.Account;
import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.InvalidValueException;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.Set;

/**
 * Login (SPEC §2.1, §2.9) for Jakarta Security: the NIR and the code personnel, checked against
 * the account's PBKDF2 hash. Only an {@code ACTIVE} account logs in. The caller's name is the
 * NIR's 13 characters; the group {@value #INSURED} opens « Mon espace ».
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    public static final String INSURED = "assure";

    @Inject
    AccountRepository accounts;
    @Inject
    CodeHasher codeHasher;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return findActive(login.getCaller(), login.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.nir().digits13(), Set.of(INSURED)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private Optional<Account> findActive(String typedNir, String code) {
        return parse(typedNir)
                .flatMap(accounts::findByNir)
                .filter(Account::isActive)
                .filter(account -> codeHasher.verify(code, account.codeHash()));
    }

    /**
     * Whether the NIR and code are right but the account still waits for its activation link: the
     * login page then says so, instead of a bare refusal. Only said after a correct code.
     */
    public boolean isPendingWithCorrectCode(String typedNir, String code) {
        return parse(typedNir)
                .flatMap(accounts::findByNir)
                .filter(account -> !account.isActive())
                .filter(account -> codeHasher.verify(code, account.codeHash()))
                .isPresent();
    }

    private static Optional<Nir> parse(String typedNir) {
        try {
            return Optional.of(Nir.parse(typedNir));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
