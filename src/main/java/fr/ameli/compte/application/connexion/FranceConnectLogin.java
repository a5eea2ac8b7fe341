package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PivotIdentity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Who a FranceConnect identity is here: the one person of the register whose NIR carries its sex,
 * birth year and month and place of birth, and whose birth date, family name and first given name
 * are its own ({@link PivotIdentity#matches}), if they have an active account. The register is read
 * by what narrows it (the birth date and the NIR's first ten characters), never cut short. Anything
 * else (nobody, several people, no account yet) leads to the account creation, with what
 * FranceConnect said already typed.
 */
@Stateless
public class FranceConnectLogin {

    @Inject
    InsuredPersonRepository register;
    @Inject
    AccountRepository accounts;

    public Optional<Nir> activeAccountOf(FranceConnectIdentity identity) {
        PivotIdentity pivot = identity.pivot();
        if (pivot.birthDate() == null) {
            return Optional.empty();
        }
        List<InsuredPerson> matching = pivot.nirPrefixes().stream()
                .flatMap(prefix -> register.findByBirthDateAndNirPrefix(pivot.birthDate(), prefix).stream())
                .filter(pivot::matches)
                .distinct()
                .toList();
        if (matching.size() != 1) {
            return Optional.empty();
        }
        Nir nir = matching.get(0).nir();
        return accounts.findActive(nir).map(Account::nir);
    }
}
