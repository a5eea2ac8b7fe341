package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.account.CodeResetTokenRepository;
import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.SingleUseToken;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.account.CodeResetToken;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonalData;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * « Code oublié ? »: the person gives their NIR and birth date; if an active account matches, a
 * single-use link valid {@code ameli.code-reset.validity} (30 minutes by default) goes to the
 * account's address, and lets them choose a new code under the same rules as at creation. The
 * answer on screen never says whether an account matched, nor does its time: the look-up and the
 * mail are done after the answer ({@link #request}); at most {@code ameli.mail.per-hour} (3) links per hour for a NIR.
 * The link works once, even for two clicks at the same instant: the new code is hashed first,
 * outside any transaction, then the link is read locked and spent with it ({@link #choose}).
 */
@Stateless
public class CodeReset {

    /** How long after a request its look-up and mail begin: once the answer has left, whatever its work. */
    static final java.time.Duration AFTER_THE_ANSWER = java.time.Duration.ofMillis(100);

    /** What a link is worth when it is opened: its state, whose code it changes, until when it works. */
    public record Link(SingleUseToken.State state, PersonalData personalData, Instant expiresAt) {
        public static final Link UNKNOWN = new Link(null, null, null);

        public boolean valid() {
            return state == SingleUseToken.State.VALID;
        }
    }

    /** The result of choosing the new code. */
    public enum Outcome { CHANGED, CODE_REJECTED, CODE_NOT_CONFIRMED, LINK_UNUSABLE }

    @Inject
    AccountRepository accounts;
    @Inject
    CodeResetTokenRepository codeResetTokenRepository;
    @Inject
    InsuredPersonRepository register;
    @Inject
    CodeHasher codeHasher;
    @Inject
    MailOutbox outbox;
    @Inject
    MailTemplates mails;
    @Inject
    ServiceSettings settings;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    AfterNewCode afterNewCode;
    @Inject
    CodePolicy codePolicy;
    @Inject
    ClientOrigin origin;
    @Resource
    SessionContext context;
    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * Asks for the link; returns at once, whether an account matches or not: the look-up and the mail
     * follow once the answer has left ({@link #sendLink}, {@link #AFTER_THE_ANSWER} later), so that the
     * answer's time tells nothing either.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void request(Nir nir, LocalDate birthDate) {
        CodeReset self = context.getBusinessObject(CodeReset.class);
        String clientAddress = origin.address();
        scheduler.schedule(() -> self.sendLink(nir, birthDate, clientAddress), AFTER_THE_ANSWER.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the link if an active account matches; says nothing either way. After the answer
     * ({@link #request}), from the address the request came from (for the audit trail).
     */
    public void sendLink(Nir nir, LocalDate birthDate, String clientAddress) {
        origin.setAddress(clientAddress);
        Optional<Account> account = accounts.findActive(nir)
                .filter(a -> register.find(nir).map(InsuredPerson::birthDate).filter(birthDate::equals).isPresent());
        if (account.isEmpty()) {
            return;
        }
        if (throttling.attempt(Kind.CODE_RESET, pseudonyms.of(nir), settings.mailsPerHour()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        String secret = SecretTokens.newToken();
        CodeResetToken token = new CodeResetToken(SecretTokens.hash(secret), account.get(), now, settings.codeResetValidity(),
                settings.codeResetLongestLife());
        Instant expiresAt = token.expiresAt();
        codeResetTokenRepository.replaceResetToken(token);
        String email = account.get().contact().email().value();
        outbox.enqueue(MailedLink.CODE_RESET.compose(mails, email, MailedLink.CODE_RESET.link(settings.baseUrl(), secret),
                settings.codeResetValidity(), expiresAt)
                .carryingUntil(now.plus(settings.codeResetLongestLife())), account.get().id());
        audit.record(AuditEvent.Type.CODE_RESET_REQUESTED, nir);
    }

    /** Opens a link: valid, used, expired or unknown. */
    public Link check(String token) {
        return find(token).map(t -> new Link(t.stateAt(clock.instant()), afterNewCode.personalData(t.account()).orElse(null), t.expiresAt()))
                .orElse(Link.UNKNOWN);
    }

    /**
     * « Prolonger » on the link's page, before it expires: the person is at work there, so a valid
     * link works for {@code ameli.code-reset.validity} more from now (RGAA 13.1), never past
     * {@code ameli.code-reset.longest-life} after it was sent.
     */
    public CodeResetToken.Prolonged prolong(String token) {
        return find(token).map(t -> t.prolong(clock.instant(), settings.codeResetValidity())).orElse(CodeResetToken.Prolonged.UNUSABLE);
    }

    /**
     * The new code, checked against the same rules as at creation; the old code stops working. The
     * code is hashed before the link is read to be spent ({@link #spend}): the slow hash holds no
     * database connection, and of two choices at the same instant only one sets its code.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome choose(String token, String code, String confirmation) {
        Optional<CodeResetToken> found = find(token).filter(t -> t.stateAt(clock.instant()) == SingleUseToken.State.VALID);
        if (found.isEmpty()) {
            return Outcome.LINK_UNUSABLE;
        }
        switch (codePolicy.check(code, confirmation, afterNewCode.personalData(found.get().account()).orElse(null))) {
            case REJECTED -> { return Outcome.CODE_REJECTED; }
            case NOT_CONFIRMED -> { return Outcome.CODE_NOT_CONFIRMED; }
            case ACCEPTED -> { }
        }
        String codeHash = codeHasher.hash(code);
        return context.getBusinessObject(CodeReset.class).spend(SecretTokens.hash(token), codeHash);
    }

    /**
     * Spends the link (read locked: {@link AccountRepository#findToSpend}) with the new code's hash, in one
     * transaction. Called by {@link #choose} only (a business method so that the container gives it its transaction).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Outcome spend(String tokenHash, String codeHash) {
        Instant now = clock.instant();
        Optional<CodeResetToken> link = accounts.findToSpend(CodeResetToken.class, tokenHash)
                .filter(t -> t.stateAt(now) == SingleUseToken.State.VALID);
        if (link.isEmpty()) {
            return Outcome.LINK_UNUSABLE;
        }
        link.get().use(codeHash, now);
        // Whoever reads the account's mail may log in again; whoever had the old code is shut out.
        afterNewCode.changed(link.get().account(), null);
        return Outcome.CHANGED;
    }

    private Optional<CodeResetToken> find(String token) {
        return SecretTokens.looksLikeToken(token) ? codeResetTokenRepository.findResetToken(SecretTokens.hash(token)) : Optional.empty();
    }

}
