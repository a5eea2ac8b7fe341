package fr.ameli.compte.application.agent;

import fr.ameli.compte.domain.account.RememberedBrowserRepository;
import fr.ameli.compte.domain.account.ProvisionalCodeRepository;
import fr.ameli.compte.application.connexion.LockInForce;
import fr.ameli.compte.application.connexion.LoginLocks;
import fr.ameli.compte.application.mail.MailLine;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.agent.AccountState;
import fr.ameli.compte.application.agent.EventLine;
import fr.ameli.compte.application.agent.LetterLine;
import fr.ameli.compte.application.agent.PersonFile;
import fr.ameli.compte.application.agent.RegisterEntry;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.RememberedBrowser;
import fr.ameli.compte.domain.security.SecurityRepository;
import fr.ameli.compte.domain.security.ThrottleCounter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an agent sees of a person (PRODUCT §2.12), read in the caller's transaction: the register
 * entry without the IBAN nor the Vitale serial (they are only ever compared, never shown), the
 * account's state, the locks in force, the last {@value #EVENTS} events of the NIR's pseudonym, the
 * account's mails (subject and state; by account, never by address) and the provisional-code letters.
 */
@Stateless
public class PersonFiles {

    static final int EVENTS = 20;
    static final int MAILS = 20;
    static final String PROVISIONAL_CODE_LETTER = "code provisoire";

    @Inject
    InsuredPersonRepository register;
    @Inject
    AccountRepository accounts;
    @Inject
    ProvisionalCodeRepository provisionalCodeRepository;
    @Inject
    RememberedBrowserRepository rememberedBrowserRepository;
    @Inject
    SecurityRepository trail;
    @Inject
    MailOutbox outbox;
    @Inject
    LoginLocks loginLocks;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    Clock clock;
    @Inject
    fr.ameli.compte.domain.account.PasskeyRepository passkeys;

    /** The file of the person the register has for {@code nir}; empty when it has none. */
    public Optional<PersonFile> of(Nir nir) {
        Optional<InsuredPerson> found = register.find(nir);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InsuredPerson person = found.get();
        String owner = pseudonyms.of(nir);
        Optional<Account> account = accounts.findByNir(nir);
        RegisterEntry entry = new RegisterEntry(person.familyName().value(), person.givenNames(), person.birthDate(),
                person.postalCode().value(), person.city());
        AccountState state = account.map(PersonFiles::state).orElse(new AccountState(AccountState.Status.NONE, null, null));
        List<RememberedBrowser> browsers = account.map(a -> rememberedBrowserRepository.rememberedBrowsers(a.id())).orElse(List.of());
        // The counters keep only a pseudonym of the address; the trail of the lock's lifetime names it.
        Instant since = clock.instant().minus(ThrottleCounter.LONGEST_LOCK.multipliedBy(2));
        List<LockInForce> locks = loginLocks.inForce(nir, trail.clientAddressesOf(owner, since), browsers);
        List<EventLine> events = trail.eventsOf(owner, EVENTS).stream()
                .map(e -> new EventLine(e.occurredAt(), e.event(), e.clientAddress(), e.agent(), e.reason())).toList();
        List<MailLine> mails = account.map(a -> outbox.mailsOf(a.id(), MAILS)).orElse(List.of());
        // A letter goes to the register's address: its postal code is the register's.
        List<LetterLine> letters = provisionalCodeRepository.provisionalCodes(nir).stream()
                .map(c -> new LetterLine(c.createdAt(), PROVISIONAL_CODE_LETTER, person.postalCode().value(), c.expiresAt())).toList();
        int passkeyCount = account.map(a -> passkeys.ofAccount(a.id()).size()).orElse(0);
        return Optional.of(new PersonFile(nir, entry, state, List.copyOf(locks), events, mails, letters, passkeyCount));
    }

    private static AccountState state(Account account) {
        String email = account.contact().email().value();
        return account.isActive() ? new AccountState(AccountState.Status.ACTIVE, account.activatedAt(), email)
                : new AccountState(AccountState.Status.PENDING, account.createdAt(), email);
    }
}
