package fr.ameli.compte.application;

import fr.ameli.compte.domain.Account;
import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.PersonName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Who a FranceConnect identity is here: the one person of the register with that birth date
 * whose family name (and given names, when the register has them) match, if they have an active
 * account. Anything else (nobody, several people, no account yet) leads to the account creation,
 * with what FranceConnect said already typed.
 */
@Stateless
public class FranceConnectLogin {

    @Inject
    InsuredPersonRepository register;
    @Inject
    AccountRepository accounts;

    public Optional<Nir> activeAccountOf(FranceConnectIdentity identity) {
        Optional<PersonName> family = identity.familyName() == null ? Optional.empty() : PersonName.tryParse(identity.familyName());
        if (identity.birthDate() == null || family.isEmpty()) {
            return Optional.empty();
        }
        List<InsuredPerson> matching = register.findByBirthDate(identity.birthDate()).stream()
                .filter(p -> p.familyName().matches(family.get()))
                .filter(p -> p.givenNames() == null || identity.givenNames() == null
                        || PersonName.matchKey(identity.givenNames()).startsWith(PersonName.matchKey(p.givenNames()))
                        || PersonName.matchKey(p.givenNames()).startsWith(PersonName.matchKey(identity.givenNames())))
                .toList();
        if (matching.size() != 1) {
            return Optional.empty();
        }
        Nir nir = matching.get(0).nir();
        return accounts.findByNir(nir).filter(Account::isActive).map(Account::nir);
    }
}
