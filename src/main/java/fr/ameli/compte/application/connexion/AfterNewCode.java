package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * What a new code personnel involves, whoever sets it (« Code oublié ? », « Modifier mon code
 * personnel »; PRODUCT §2.10, §2.11): whoever had the old one is shut out — every login lock and
 * count of the NIR ends, every remembered browser gives the security code again, every session
 * but the one that made the change is logged out —, the owner is told by mail, and the audit
 * trail says so. In the caller's transaction.
 */
@Stateless
public class AfterNewCode {

    @Inject
    InsuredPersonRepository register;
    @Inject
    LoginLocks loginLocks;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    LoginSessions loginSessions;
    @Inject
    SecurityNotices notices;
    @Inject
    AuditTrail audit;

    /** The account's new code is set: the rest follows. {@code keptSessionKey}: the session that made the change (null: none stays). */
    public void changed(Account account, String keptSessionKey) {
        loginLocks.forget(account.nir());
        rememberedBrowsers.forgetAll(account);
        loginSessions.endOthers(account, keptSessionKey);
        notices.codeChanged(account);
        audit.record(AuditEvent.Type.CODE_CHANGED, account.nir());
    }

    /**
     * Whose code it is: the register's person of the account (rules 5 and 6 need the NIR, the birth
     * date and the names); empty if the register no longer has them (the other rules still apply).
     */
    public Optional<PersonalData> personalData(Account account) {
        return register.find(account.nir()).map(InsuredPerson::personalData);
    }
}
