package fr.ameli.compte.application.creation;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.shared.Contention;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountAlreadyExistsException;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.PersonalData;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.ACCOUNT_EXISTS;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.CODE_NOT_CONFIRMED;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.CODE_REJECTED;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.EMAIL_NOT_CONFIRMED;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.NOT_IDENTIFIED;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.NOT_PROVEN;
import static fr.ameli.compte.application.creation.RegistrationRefused.Reason.TERMS_NOT_ACCEPTED;

/**
 * Creates the account at the end of the wizard, in one transaction: the {@code PENDING_ACTIVATION}
 * account (code hashed), its activation token (hashed) and the activation mail in the outbox.
 * Everything the wizard already checked is checked again here, because the service is the only
 * judge: a refused request creates nothing.
 *
 * <p>The code is hashed before that transaction begins: the slow hash, and its wait for a free
 * core ({@link CodeHasher}), hold no database connection and no lock.
 */
@Stateless
public class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class.getName());

    @Inject
    IdentityVerification identityVerification;
    @Inject
    AccountRepository accounts;
    @Inject
    CodeHasher codeHasher;
    @Inject
    ActivationLinks links;
    @Inject
    ProvisionalCodes provisionalCodes;
    @Inject
    Clock clock;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    AuditTrail audit;
    @Inject
    CodePolicy codePolicy;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PendingAccount register(AccountRequest request) throws RegistrationRefused {
        // The cheap checks first, so that a refused request costs no hashing.
        InsuredPerson person = identityVerification.findIdentified(request.claim())
                .orElseThrow(() -> new RegistrationRefused(NOT_IDENTIFIED));
        checkCode(request, person.personalData());
        String codeHash = codeHasher.hash(request.code());
        Registration transactional = context.getBusinessObject(Registration.class);
        // The transaction is rolled back whole by contention now and then: nothing was written, it is made again.
        return Contention.madeAgainIfRolledBack("Account creation", () -> transactional.create(request, codeHash));
    }

    /**
     * The checks again and the writes, in one transaction. Called by {@link #register} only, with
     * {@code codeHash} = {@link CodeHasher#hash} of the request's code (a business method only so
     * that the container gives it its transaction).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PendingAccount create(AccountRequest request, String codeHash) throws RegistrationRefused {
        InsuredPerson person = identityVerification.findIdentified(request.claim())
                .orElseThrow(() -> new RegistrationRefused(NOT_IDENTIFIED));
        // Proven for this person: by the register's tails, or by the provisional code the wizard's login used (by its id).
        boolean proven = request.proof() != null
                ? person.isProvenBy(pseudonyms.proofOf(request.proof().ibanTail(), request.proof().vitaleSerialTail()))
                : request.provisionalCodeId() != null && provisionalCodes.consumeForRegistration(person.nir(), request.provisionalCodeId());
        if (!proven) {
            throw new RegistrationRefused(NOT_PROVEN);
        }
        if (request.termsAcceptedAt() == null) {
            throw new RegistrationRefused(TERMS_NOT_ACCEPTED);
        }
        checkCode(request, person.personalData());
        if (request.contact() == null || !request.contact().email().equals(request.emailConfirmation())) {
            throw new RegistrationRefused(EMAIL_NOT_CONFIRMED);
        }
        if (accounts.findByNir(person.nir()).isPresent()) {
            throw new RegistrationRefused(ACCOUNT_EXISTS);
        }

        Instant now = clock.instant();
        Account account = Account.pending(person.nir(), pseudonyms.of(person.nir()), codeHash,
                request.termsAcceptedAt(), request.contact(), now);
        ActivationLinks.Issued link = links.issue(account, now);
        try {
            accounts.add(account, link.token());
        } catch (AccountAlreadyExistsException e) {
            throw new RegistrationRefused(ACCOUNT_EXISTS);
        }
        PendingAccount pending = links.mail(account, link);
        audit.record(AuditEvent.Type.ACCOUNT_CREATED, person.nir());
        LOG.info(() -> "Account " + account.id() + " created, pending activation until " + link.expiresAt());
        return pending;
    }

    private void checkCode(AccountRequest request, PersonalData personalData) throws RegistrationRefused {
        switch (codePolicy.check(request.code(), request.codeConfirmation(), personalData)) {
            case REJECTED -> throw new RegistrationRefused(CODE_REJECTED);
            case NOT_CONFIRMED -> throw new RegistrationRefused(CODE_NOT_CONFIRMED);
            case ACCEPTED -> { }
        }
    }
}
