package fr.ameli.compte.application;

import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.AuditEvent;
import fr.ameli.compte.domain.BirthDate;
import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.ProvisionalCode;
import jakarta.ejb.Stateless;
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
 * rest of the wizard; the account then created consumes it.
 */
@Stateless
public class ProvisionalCodes {

    /** A new letter is not sent while the last one is less than this old. */
    public static final Duration ONE_LETTER_PER = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the letter goes (the postal code only: the street stays out of the page) and until when the code works. */
    public record LetterSent(String postalCode, String city, Instant expiresAt, boolean alreadySent) {
    }

    @Inject
    IdentityVerification identityVerification;
    @Inject
    AccountRepository accounts;
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
    Clock clock;

    /** Empty when the claim is not identified or the NIR already has an account. */
    public Optional<LetterSent> requestLetter(IdentityClaim claim) {
        Optional<InsuredPerson> found = identityVerification.findIdentified(claim);
        if (found.isEmpty() || accounts.findByNir(claim.nir()).isPresent()) {
            return Optional.empty();
        }
        InsuredPerson person = found.get();
        Instant now = clock.instant();
        Optional<ProvisionalCode> recent = accounts.provisionalCodes(claim.nir()).stream()
                .filter(c -> c.isUsableAt(now) && c.createdAt().isAfter(now.minus(ONE_LETTER_PER)))
                .findFirst();
        if (recent.isPresent()) {
            return Optional.of(new LetterSent(person.postalCode().value(), person.city(), recent.get().expiresAt(), true));
        }
        String code = ProvisionalCode.newCode(RANDOM);
        ProvisionalCode provisional = new ProvisionalCode(claim.nir(), codeHasher.hash(code), now);
        accounts.replaceProvisionalCode(provisional);
        List<String> address = new ArrayList<>();
        address.add(((person.givenNames() == null ? "" : person.givenNames() + " ") + person.familyName().value()).strip());
        if (person.address() != null) {
            address.add(person.address());
        }
        address.add(person.postalCode().value() + " " + (person.city() == null ? "" : person.city().toUpperCase(java.util.Locale.FRANCE)));
        letters.enqueue(new Letter(address, person.postalCode().value(), person.city(), code, provisional.expiresAt(),
                settings.baseUrl().toString()));
        audit.record(AuditEvent.Type.PROVISIONAL_CODE_SENT, claim.nir());
        return Optional.of(new LetterSent(person.postalCode().value(), person.city(), provisional.expiresAt(), false));
    }

    /** The same for the person the register has for {@code nir}, as an agent of the caisse asks it for them (PRODUCT §2.12). */
    public Optional<LetterSent> requestLetter(Nir nir) {
        return register.find(nir).flatMap(person -> requestLetter(claimOf(person)));
    }

    /** Who the register says the person is, as the wizard's identity step would claim it. */
    private IdentityClaim claimOf(InsuredPerson p) {
        return new IdentityClaim(p.nir(), p.familyName(), BirthDate.of(p.birthDate(), clock), p.postalCode());
    }

    /** Logging in with NIR + provisional code. */
    public record ProvisionalLogin(IdentityClaim claim, Instant lockedUntil, boolean slowed) {
    }

    /**
     * Checks a provisional code (single use, throttled with the NIR's logins); gives the identity
     * it proves, to continue the wizard with.
     */
    public ProvisionalLogin login(Nir nir, String code) {
        Instant now = clock.instant();
        Throttled<InsuredPerson> login = loginLocks.guard(nir, () -> {
            Optional<ProvisionalCode> usable = accounts.provisionalCodes(nir).stream().filter(c -> c.isUsableAt(now)).findFirst();
            boolean matches = codeHasher.verify(code, usable.map(ProvisionalCode::codeHash));
            Optional<InsuredPerson> person = register.find(nir);
            if (!matches || person.isEmpty() || accounts.findByNir(nir).isPresent()) {
                return Optional.empty();
            }
            usable.get().use(now);
            return person;
        });
        if (!login.passed()) {
            return new ProvisionalLogin(null, login.lockedUntil().orElse(null), login.slowed());
        }
        audit.record(AuditEvent.Type.PROVISIONAL_CODE_USED, nir);
        return new ProvisionalLogin(claimOf(login.value().get()), null, false);
    }

    /** The registration after a provisional-code login consumes the code; false if there is none to consume. */
    public boolean consumeForRegistration(Nir nir) {
        Instant now = clock.instant();
        return accounts.provisionalCodes(nir).stream().anyMatch(c -> c.registerAt(now));
    }
}
