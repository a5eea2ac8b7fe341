package fr.ameli.compte.application.espace;

import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/** Read-only views of an account for its logged-in owner. */
@Stateless
public class AccountQueries {

    @Inject
    AccountRepository accounts;
    @Inject
    InsuredPersonRepository register;

    /** The contact choices of the active account, with the dates of its consents (« Mon espace », PRODUCT §2.11). */
    public Optional<ContactChoices> contact(Nir nir) {
        return accounts.findActive(nir).map(Account::contact);
    }

    public Optional<AccountOverview> overview(Nir nir) {
        Optional<Account> account = accounts.findActive(nir);
        Optional<InsuredPerson> person = register.find(nir);
        if (account.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        ContactChoices c = account.get().contact();
        return Optional.of(new AccountOverview(person.get().givenNames(), person.get().familyName().value(),
                c.email().value(), c.emailPromotions(),
                c.mobile() == null ? null : PhoneNumber.mobile(c.mobile()).display(), c.mobileCalls(), c.mobileSms(),
                c.landline() == null ? null : PhoneNumber.landline(c.landline()).display(), c.landlineCalls()));
    }
}
