package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.account.ProvisionalCodeRepository;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.connexion.LoginLocks;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.ProvisionalCode;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * « Je ne dispose pas du numéro de série de ma carte Vitale » (PRODUCT §2.3): after the identity step, a
 * provisional 4-digit code goes by post to the register's address. Logging in with the NIR and
 * that code (once, within 15 days, throttled like any code) proves the identity and opens the
 * rest of the wizard; the account then created consumes it, by the id the wizard holds.
 *
 * <p>A code of 10,000 values is guessable from many addresses: it is spent after
 * {@value ProvisionalCode#TRIES} tries in all (each counted before it is checked, so that tries at
 * the same instant all count), and at most {@value ProvisionalCode#LETTERS_PER_PERIOD} letters are sent
 * for a NIR in 90 days, each replacing the last. The hash is checked outside any transaction.
 */
@Stateless
public class ProvisionalCodes {

    /** A new letter is not sent while the last one is less than this old. */
    public static final Duration ONE_LETTER_PER = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Where the letter goes (the postal code only: the street stays out of the page) and until when the code works;
     * or, {@code tooManyUntil}, that no letter was sent because the NIR had its letters of the period (until when).
     */
    public record LetterSent(String postalCode, String city, Instant expiresAt, boolean alreadySent, Instant tooManyUntil) {
        public boolean sent() {
            return tooManyUntil == null;
        }
    }

    @Inject
    IdentityVerification identityVerification;
    @Inject
    AccountRepository accounts;
    @Inject
    ProvisionalCodeRepository provisionalCodeRepository;
    @Inject
    InsuredPersonRepository register;
    @Inject
    CodeHasher codeHasher;
    @Inject
    LetterOutbox letters;
    @Inject
    LoginLocks loginLocks;
    @Inject
    AuditTrail audit;
    @Inject
    ServiceSettings settings;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;

    /** Empty when the claim is not identified or the NIR already has an account. */
    public Optional<LetterSent> requestLetter(IdentityClaim claim) {
        Optional<InsuredPerson> found = identityVerification.findIdentified(claim);
        if (found.isEmpty() || accounts.findByNir(claim.nir()).isPresent()) {
            return Optional.empty();
        }
        InsuredPerson person = found.get();
        Instant now = clock.instant();
        Optional<ProvisionalCode> recent = provisionalCodeRepository.provisionalCodes(claim.nir()).stream()
                .filter(c -> c.isUsableAt(now) && c.createdAt().isAfter(now.minus(ONE_LETTER_PER)))
                .findFirst();
        if (recent.isPresent()) {
            return Optional.of(new LetterSent(person.postalCode().value(), person.city(), recent.get().expiresAt(), true, null));
        }
        Optional<Instant> tooMany = throttling.attempt(Kind.PROVISIONAL_LETTER, pseudonyms.of(claim.nir()), ProvisionalCode.LETTERS_PER_PERIOD);
        if (tooMany.isPresent()) {
            return Optional.of(new LetterSent(person.postalCode().value(), person.city(), null, false, tooMany.get()));
        }
        String code = ProvisionalCode.newCode(RANDOM);
        ProvisionalCode provisional = new ProvisionalCode(claim.nir(), codeHasher.hash(code), now);
        provisionalCodeRepository.replaceProvisionalCode(provisional);
        List<String> address = new ArrayList<>();
        address.add(((person.givenNames() == null ? "" : person.givenNames() + " ") + person.familyName().value()).strip());
        if (person.address() != null) {
            address.add(person.address());
        }
        address.add(person.postalCode().value() + " " + (person.city() == null ? "" : person.city().toUpperCase(java.util.Locale.FRANCE)));
        letters.enqueue(new Letter(address, person.postalCode().value(), person.city(), code, provisional.expiresAt(),
                settings.baseUrl().toString()));
        audit.record(AuditEvent.Type.PROVISIONAL_CODE_SENT, claim.nir());
        return Optional.of(new LetterSent(person.postalCode().value(), person.city(), provisional.expiresAt(), false, null));
    }

    /** The same for the person the register has for {@code nir}, as an agent of the caisse asks it for them (PRODUCT §2.12). */
    public Optional<LetterSent> requestLetter(Nir nir) {
        return register.find(nir).flatMap(person -> requestLetter(claimOf(person)));
    }

    /** Who the register says the person is, as the wizard's identity step would claim it. */
    private IdentityClaim claimOf(InsuredPerson p) {
        return new IdentityClaim(p.nir(), p.familyName(), BirthDate.of(p.birthDate(), clock), p.postalCode());
    }

    /**
     * Logging in with NIR + provisional code: the identity proven and the id of the code that proved
     * it (the wizard holds it, the registration consumes that one); or why not: locked or slowed
     * (until when), or {@code spent} when the NIR's latest code can no longer be used after its wrong tries.
     */
    public record ProvisionalLogin(IdentityClaim claim, Long codeId, Instant lockedUntil, boolean slowed, boolean spent) {
    }

    /** A code proven right by a login, and whose it is. */
    public record Proven(InsuredPerson person, long codeId) {
    }

    /**
     * Checks a provisional code, throttled with the NIR's logins from this address; the try is
     * counted on the code first ({@link #startTry}), then the hash is checked outside any
     * transaction, then the code is used ({@link #useAfterTry}): once, even for tries at the same instant.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ProvisionalLogin login(Nir nir, String code) {
        ProvisionalCodes self = context.getBusinessObject(ProvisionalCodes.class);
        boolean[] spent = {false};
        Throttled<Proven> login = loginLocks.guard(nir, () -> {
            Optional<ProvisionalCode> tried = self.startTry(nir);
            // Without a code to try, a decoy hash: the answer takes the same time.
            boolean matches = codeHasher.verify(code, tried.map(ProvisionalCode::codeHash));
            if (!matches) {
                spent[0] = tried.map(ProvisionalCode::isSpentByTries).orElseGet(() -> self.latestSpentByTries(nir));
                if (tried.isPresent() && tried.get().isSpentByTries()) {
                    audit.record(AuditEvent.Type.PROVISIONAL_CODE_SPENT, nir);
                }
                return Optional.empty();
            }
            return self.useAfterTry(nir, tried.get().id());
        });
        if (!login.passed()) {
            return new ProvisionalLogin(null, null, login.lockedUntil().orElse(null), login.slowed(), spent[0]);
        }
        audit.record(AuditEvent.Type.PROVISIONAL_CODE_USED, nir);
        return new ProvisionalLogin(claimOf(login.value().get().person()), login.value().get().codeId(), null, false, false);
    }

    /**
     * The NIR's latest code that may be tried, its try counted (the code read locked: a business
     * method of its own transaction, called by {@link #login} only). Empty when there is none.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ProvisionalCode> startTry(Nir nir) {
        Instant now = clock.instant();
        return provisionalCodeRepository.provisionalCodes(nir).stream().filter(c -> c.isUsableAt(now)).findFirst()
                .flatMap(c -> accounts.findToSpend(ProvisionalCode.class, c.id()))
                .filter(c -> c.startTry(now));
    }

    /** Whether the NIR's latest code was spent by wrong tries (the login page then says to ask for a new letter). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean latestSpentByTries(Nir nir) {
        return provisionalCodeRepository.provisionalCodes(nir).stream().findFirst().map(ProvisionalCode::isSpentByTries).orElse(false);
    }

    /**
     * A try that gave the right code uses it: once (read locked), for a person of the register who
     * has no account yet (called by {@link #login} only, in its own transaction).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Proven> useAfterTry(Nir nir, long codeId) {
        Optional<InsuredPerson> person = register.find(nir);
        if (person.isEmpty() || accounts.findByNir(nir).isPresent()) {
            return Optional.empty();
        }
        return accounts.findToSpend(ProvisionalCode.class, codeId).filter(c -> c.useAfterTry(clock.instant()))
                .map(c -> new Proven(person.get(), codeId));
    }

    /**
     * The registration after a provisional-code login consumes the code that login used, by its id
     * (read locked), in the registration's transaction; false if it is not that NIR's, not used by a
     * login, already consumed, or the login is too old.
     */
    public boolean consumeForRegistration(Nir nir, long codeId) {
        Instant now = clock.instant();
        return accounts.findToSpend(ProvisionalCode.class, codeId)
                .filter(c -> c.nir().equals(nir))
                .map(c -> c.registerAt(now)).orElse(false);
    }
}
