package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.PhoneNumber;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * « Modifier mes numéros de téléphone » and the consents (PRODUCT §2.11), for the logged-in owner
 * of an active account. Each change and its audit events are one transaction. Withdrawing a
 * consent asks for nothing more than giving it (RGPD art. 7(3)): no code again.
 */
@Stateless
public class ContactSettings {

    /** What a change did. */
    public enum Outcome {
        /** Recorded, with its audit events. */
        CHANGED,
        /** It already was so: nothing written. */
        UNCHANGED,
        /** A phone's consent while the account has no such number (a page older than the last change): nothing written. */
        NO_NUMBER,
        /** No active account for the caller: nothing written. */
        NO_ACCOUNT
    }

    @Inject
    AccountRepository accounts;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** The numbers become these (null: none); a removed number's consents are withdrawn with it. */
    public Outcome changePhones(Nir nir, PhoneNumber mobile, PhoneNumber landline) {
        Optional<Account> account = active(nir);
        if (account.isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        ContactChoices.PhoneChange change = account.get().changePhones(mobile, landline, clock.instant());
        if (!change.numbersChanged()) {
            return Outcome.UNCHANGED;
        }
        audit.record(AuditEvent.Type.PHONES_CHANGED, nir);
        change.withdrawn().forEach(consent -> audit.record(AuditEvent.Type.CONSENT_WITHDRAWN, nir));
        return Outcome.CHANGED;
    }

    /** Gives ({@code true}) or withdraws one consent. */
    public Outcome answer(Nir nir, Consent consent, boolean given) {
        Optional<Account> account = active(nir);
        if (account.isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        ContactChoices contact = account.get().contact();
        if (consent.phone() != null && contact.number(consent.phone()) == null) {
            return Outcome.NO_NUMBER;
        }
        Instant now = clock.instant();
        if (!account.get().answer(consent, given, now)) {
            return Outcome.UNCHANGED;
        }
        audit.record(given ? AuditEvent.Type.CONSENT_GIVEN : AuditEvent.Type.CONSENT_WITHDRAWN, nir);
        return Outcome.CHANGED;
    }

    private Optional<Account> active(Nir nir) {
        return accounts.findActive(nir);
    }
}
