package fr.ameli.compte.application;

import fr.ameli.compte.domain.Account;
import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.SingleUseToken;
import fr.ameli.compte.domain.AuditEvent;
import fr.ameli.compte.domain.CodePolicy;
import fr.ameli.compte.domain.CodeResetToken;
import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.PersonalData;
import fr.ameli.compte.domain.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * « Code oublié ? »: the person gives their NIR and birth date; if an active account matches, a
 * single-use link valid {@code ameli.code-reset.validity} (30 minutes by default) goes to the
 * account's address, and lets them choose a new code under the same rules as at creation. The
 * answer on screen never says whether an account matched; at most {@value #PER_HOUR} links per
 * hour for a NIR.
 */
@Stateless
public class CodeReset {

    public static final int PER_HOUR = 3;

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
    CodeChanges codeChanges;
    @Inject
    CodePolicy codePolicy;

    /** Sends the link if an active account matches; says nothing either way. */
    public void request(Nir nir, LocalDate birthDate) {
        Optional<Account> account = accounts.findByNir(nir).filter(Account::isActive)
                .filter(a -> register.find(nir).map(InsuredPerson::birthDate).filter(birthDate::equals).isPresent());
        if (account.isEmpty()) {
            return;
        }
        if (throttling.attempt(Kind.CODE_RESET, pseudonyms.of(nir), PER_HOUR).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.codeResetValidity());
        String secret = SecretTokens.newToken();
        accounts.replaceResetToken(new CodeResetToken(SecretTokens.hash(secret), account.get(), expiresAt));
        String email = account.get().contact().email().value();
        outbox.enqueue(CodeResetMail.compose(mails, email, CodeResetMail.link(settings.baseUrl(), secret),
                settings.codeResetValidity(), expiresAt), account.get().id());
        audit.record(AuditEvent.Type.CODE_RESET_REQUESTED, nir);
    }

    /** Opens a link: valid, used, expired or unknown. */
    public Link check(String token) {
        return find(token).map(t -> new Link(t.stateAt(clock.instant()), codeChanges.personalData(t.account()).orElse(null), t.expiresAt()))
                .orElse(Link.UNKNOWN);
    }

    /**
     * « Prolonger » on the link's page, before it expires: the person is at work there, so a valid
     * link works for {@code ameli.code-reset.validity} more from now (RGAA 13.1). False when the
     * link can no longer be used.
     */
    public boolean prolong(String token) {
        return find(token).map(t -> t.prolong(clock.instant(), settings.codeResetValidity())).orElse(false);
    }

    /** The new code, checked against the same rules as at creation; the old code stops working. */
    public Outcome choose(String token, String code, String confirmation) {
        Optional<CodeResetToken> found = find(token).filter(t -> t.stateAt(clock.instant()) == SingleUseToken.State.VALID);
        if (found.isEmpty()) {
            return Outcome.LINK_UNUSABLE;
        }
        Account account = found.get().account();
        if (code == null || !codePolicy.isSatisfied(code, codeChanges.personalData(account).orElse(null))) {
            return Outcome.CODE_REJECTED;
        }
        if (!codePolicy.confirms(code, confirmation)) {
            return Outcome.CODE_NOT_CONFIRMED;
        }
        found.get().use(codeHasher.hash(code), clock.instant());
        // Whoever reads the account's mail may log in again; whoever had the old code is shut out.
        codeChanges.changed(account, null);
        return Outcome.CHANGED;
    }

    private Optional<CodeResetToken> find(String token) {
        return SecretTokens.looksLikeToken(token) ? accounts.findResetToken(SecretTokens.hash(token)) : Optional.empty();
    }

}
