package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountAlreadyExistsException;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.AccountStatus;
import fr.ameli.compte.domain.account.ActivationToken;
import fr.ameli.compte.domain.account.CodeResetToken;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.account.RememberedBrowser;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.account.EmailChangeToken;
import fr.ameli.compte.domain.account.SecurityCode;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.ProvisionalCode;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.infrastructure.health.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts and activation tokens in the database. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    /** SQLState class 23: integrity constraint violation (the unique NIR), on every database. */
    private static final String INTEGRITY_VIOLATION = "23";

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @Inject
    ServiceMetrics metrics;

    @Override
    public Optional<Account> findById(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public Optional<Account> findByNir(Nir nir) {
        List<Account> found = em.createQuery("select a from Account a where a.nir = :nir", Account.class)
                .setParameter("nir", nir.fullForm())
                .getResultList();
        return found.stream().findFirst();
    }

    @Override
    public void add(Account account, ActivationToken token) {
        try {
            em.persist(account);
            em.persist(token);
            em.flush();
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                throw new AccountAlreadyExistsException(account.nir());
            }
            throw e;
        }
    }

    private static boolean isIntegrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> Optional<T> findToSpend(Class<T> secretType, Object id) {
        return Optional.ofNullable(em.find(secretType, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    /** The tables that hold rows of an account, removed before it (foreign keys). */
    private static final List<String> ACCOUNT_ROWS = List.of("passkey", "security_code", "remembered_browser", "login_session",
            "code_reset_token", "activation_token", "outbound_mail");

    @Override
    public void remove(Account account) {
        for (String table : ACCOUNT_ROWS) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE account_id = ?1").setParameter(1, account.id()).executeUpdate();
        }
        em.createQuery("delete from ProvisionalCode p where p.nir = :nir").setParameter("nir", account.nir().fullForm()).executeUpdate();
        em.remove(em.contains(account) ? account : em.merge(account));
        em.flush();
    }

    @Override
    public int forgetSentMailsWithoutAccount() {
        return em.createNativeQuery("DELETE FROM outbound_mail WHERE account_id IS NULL AND sent_at IS NOT NULL").executeUpdate();
    }

    @Override
    public int removeExpiredPending(Instant cutoff, Instant linksKeptUntil) {
        Timestamp before = Timestamp.from(cutoff);
        String expired = "(SELECT id FROM account WHERE status = '" + AccountStatus.PENDING_ACTIVATION.name()
                + "' AND link_sent_at < ?1)";
        // The audit trail keeps, for the operators, that these accounts expired (by pseudonym only).
        em.createNativeQuery("INSERT INTO audit_event (occurred_at, event, nir_hash) "
                        + "SELECT CAST(?2 AS TIMESTAMP), 'ACCOUNT_EXPIRED', nir_hash FROM account WHERE status = '"
                        + AccountStatus.PENDING_ACTIVATION.name() + "' AND link_sent_at < ?1")
                .setParameter(1, before).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        // « Code oublié ? » links are kept a day after they expire (to say « expiré » rather than « inconnu »).
        em.createNativeQuery("DELETE FROM code_reset_token WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minusSeconds(86_400))).executeUpdate();
        // So are the links that confirm a new email address (their rows go with their account, V12).
        em.createNativeQuery("DELETE FROM email_change_token WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minusSeconds(86_400))).executeUpdate();
        // Only the hash and expiry of their links stay, for a while, so that they say « expiré ».
        em.createNativeQuery("INSERT INTO expired_activation_link (token_hash, expires_at, kept_until) "
                        + "SELECT token_hash, expires_at, CAST(?2 AS TIMESTAMP) FROM activation_token WHERE account_id IN " + expired)
                .setParameter(1, before).setParameter(2, Timestamp.from(linksKeptUntil)).executeUpdate();
        em.createNativeQuery("DELETE FROM activation_token WHERE account_id IN " + expired)
                .setParameter(1, before).executeUpdate();
        em.createNativeQuery("DELETE FROM outbound_mail WHERE account_id IN " + expired)
                .setParameter(1, before).executeUpdate();
        int removed = em.createNativeQuery("DELETE FROM account WHERE status = '" + AccountStatus.PENDING_ACTIVATION.name()
                        + "' AND link_sent_at < ?1")
                .setParameter(1, before).executeUpdate();
        metrics.event(AuditEvent.Type.ACCOUNT_EXPIRED, removed);
        return removed;
    }
}
