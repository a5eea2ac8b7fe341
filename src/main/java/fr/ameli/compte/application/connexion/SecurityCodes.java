package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.account.SecurityCodeRepository;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.SecurityCode;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The login's second step (PRODUCT §2.10), as ameli asks since December 2023: after a correct
 * code personnel, a 6-digit code from a CSPRNG goes to the account's address through the outbox
 * (« Votre code de sécurité ameli », never a link); it is kept only as a keyed hash, works once,
 * for {@code ameli.security-code.validity} (10 minutes), and three wrong tries spend it. At most
 * {@code ameli.mail.per-hour} (3) codes an hour; wrong codes count apart from the codes personnels, per
 * client address ({@link LoginLocks}).
 */
@Stateless
public class SecurityCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the code went (the address masked, m•••@exemple.fr), and until when it works; or until when no new one can be sent. */
    public record Sent(String maskedEmail, Instant expiresAt, Instant tooManyUntil) {
        public boolean sent() {
            return tooManyUntil == null;
        }
    }

    /** How a try of the code went; {@code triesLeft} after a wrong one, {@code lockedUntil} when refused unchecked. */
    public record Outcome(SecurityCode.Try result, int triesLeft, Instant lockedUntil) {
    }

    @Inject
    AccountRepository accounts;
    @Inject
    SecurityCodeRepository securityCodeRepository;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    MailTemplates mails;
    @Inject
    MailOutbox outbox;
    @Inject
    Throttling throttling;
    @Inject
    LoginLocks loginLocks;
    @Inject
    AuditTrail audit;
    @Inject
    ServiceSettings settings;
    @Inject
    Clock clock;

    /** A new code for the active account of {@code nir} (an older one stops working); empty without such an account. */
    public Optional<Sent> send(Nir nir) {
        Optional<Account> found = accounts.findActive(nir);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        String email = account.contact().email().value();
        Optional<Instant> tooMany = throttling.attempt(Kind.SECURITY_CODE_MAIL, pseudonyms.of(nir), settings.mailsPerHour());
        if (tooMany.isPresent()) {
            return Optional.of(new Sent(account.contact().email().masked(), null, tooMany.get()));
        }
        String code = SecurityCode.newCode(RANDOM);
        Instant expiresAt = clock.instant().plus(settings.securityCodeValidity());
        securityCodeRepository.replaceSecurityCode(new SecurityCode(account.id(), pseudonyms.ofSecurityCode(account.id(), code), expiresAt));
        outbox.enqueue(mails.compose("code-securite", email, Map.of("code", code,
                "validite", FrenchTime.duration(settings.securityCodeValidity()), "echeance", FrenchTime.when(expiresAt))).carryingUntil(expiresAt),
                account.id());
        audit.record(AuditEvent.Type.SECURITY_CODE_SENT, nir);
        return Optional.of(new Sent(account.contact().email().masked(), expiresAt, null));
    }

    /**
     * A try of the code mailed for {@code nir}: ACCEPTED once; WRONG while tries are left; SPENT
     * after the third wrong one, once used or expired, or when none was sent. {@code lockedUntil}
     * is set when wrong codes from this address locked it (then nothing was tried, or this try
     * started the lock).
     */
    public Outcome verify(Nir nir, String typed) {
        Optional<Account> account = accounts.findActive(nir);
        Optional<SecurityCode> code = account.flatMap(a -> accounts.findToSpend(SecurityCode.class, a.id()));
        AtomicReference<SecurityCode.Try> tried = new AtomicReference<>(SecurityCode.Try.SPENT);
        Throttled<SecurityCode> checked = loginLocks.guardSecurityCode(nir, () -> {
            if (code.isEmpty() || typed == null) {
                return Optional.empty();
            }
            tried.set(code.get().tryWith(pseudonyms.ofSecurityCode(account.get().id(), typed.strip()), clock.instant()));
            return tried.get() == SecurityCode.Try.ACCEPTED ? code : Optional.empty();
        });
        if (checked.passed()) {
            audit.record(AuditEvent.Type.SECURITY_CODE_ACCEPTED, nir);
        }
        return new Outcome(tried.get(), code.map(SecurityCode::triesLeft).orElse(0), checked.lockedUntil().orElse(null));
    }
}
