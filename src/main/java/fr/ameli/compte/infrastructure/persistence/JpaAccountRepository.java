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
    public Optional<ActivationToken> findToken(String tokenHash) {
        return Optional.ofNullable(em.find(ActivationToken.class, tokenHash));
    }

    @Override
    public void replaceToken(Account account, ActivationToken token) {
        em.createQuery("delete from ActivationToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", account).executeUpdate();
        em.persist(token);
    }

    @Override
    public <T> Optional<T> findToSpend(Class<T> secretType, Object id) {
        return Optional.ofNullable(em.find(secretType, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ProvisionalCode> provisionalCodes(Nir nir) {
        return em.createQuery("select p from ProvisionalCode p where p.nir = :nir order by p.createdAt desc", ProvisionalCode.class)
                .setParameter("nir", nir.fullForm()).getResultList();
    }

    @Override
    public int forgetUselessProvisionalCodes(Instant now) {
        return em.createQuery("delete from ProvisionalCode p where (p.usedAt is null and p.expiresAt < :now)"
                        + " or (p.usedAt is not null and p.usedAt < :registrationCut) or p.registeredAt is not null")
                .setParameter("now", now).setParameter("registrationCut", now.minus(ProvisionalCode.REGISTRATION_WINDOW))
                .executeUpdate();
    }

    @Override
    public void replaceProvisionalCode(ProvisionalCode code) {
        em.createQuery("delete from ProvisionalCode p where p.nir = :nir and p.registeredAt is null")
                .setParameter("nir", code.nir().fullForm()).executeUpdate();
        em.persist(code);
    }

    @Override
    public void replaceResetToken(CodeResetToken token) {
        em.createQuery("delete from CodeResetToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", token.account()).executeUpdate();
        em.persist(token);
    }

    @Override
    public void replaceSecurityCode(SecurityCode code) {
        SecurityCode old = em.find(SecurityCode.class, code.accountId());
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        em.persist(code);
    }

    @Override
    public void addRememberedBrowser(RememberedBrowser browser) {
        em.persist(browser);
    }

    @Override
    public Optional<RememberedBrowser> findRememberedBrowser(String tokenHash) {
        return em.createQuery("select b from RememberedBrowser b where b.tokenHash = :hash", RememberedBrowser.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<RememberedBrowser> rememberedBrowsers(long accountId) {
        return em.createQuery("select b from RememberedBrowser b where b.accountId = :account order by b.rememberedAt desc, b.id desc",
                RememberedBrowser.class).setParameter("account", accountId).getResultList();
    }

    @Override
    public int forgetRememberedBrowsers(long accountId) {
        return em.createQuery("delete from RememberedBrowser b where b.accountId = :account")
                .setParameter("account", accountId).executeUpdate();
    }

    /** The tables that hold rows of an account, removed before it (foreign keys). */
    private static final List<String> ACCOUNT_ROWS = List.of("security_code", "remembered_browser", "login_session",
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
    public void addLoginSession(LoginSession login) {
        em.persist(login);
        em.flush();
        List<Long> older = em.createQuery("select s.id from LoginSession s where s.accountId = :account order by s.id desc", Long.class)
                .setParameter("account", login.accountId()).setFirstResult(LoginSession.KEPT).setMaxResults(1).getResultList();
        if (!older.isEmpty()) {
            em.createQuery("delete from LoginSession s where s.accountId = :account and s.id <= :oldest")
                    .setParameter("account", login.accountId()).setParameter("oldest", older.get(0)).executeUpdate();
        }
    }

    @Override
    public Optional<LoginSession> findLoginSession(String sessionKeyHash) {
        return em.createQuery("select s from LoginSession s where s.sessionKey = :key", LoginSession.class)
                .setParameter("key", sessionKeyHash).getResultStream().findFirst();
    }

    @Override
    public List<LoginSession> loginSessions(long accountId) {
        return em.createQuery("select s from LoginSession s where s.accountId = :account order by s.id desc", LoginSession.class)
                .setParameter("account", accountId).getResultList();
    }

    @Override
    public int endLoginSessions(long accountId, String keptKeyHash, Instant now) {
        return em.createQuery("update LoginSession s set s.endedAt = :now where s.accountId = :account and s.endedAt is null"
                        + " and s.sessionKey <> :kept")
                .setParameter("now", now).setParameter("account", accountId)
                .setParameter("kept", keptKeyHash == null ? "" : keptKeyHash).executeUpdate();
    }

    @Override
    public int forgetSentMailsWithoutAccount() {
        return em.createNativeQuery("DELETE FROM outbound_mail WHERE account_id IS NULL AND sent_at IS NOT NULL").executeUpdate();
    }

    @Override
    public int forgetExpiredBrowsers(Instant now) {
        return em.createQuery("delete from RememberedBrowser b where b.expiresAt < :now").setParameter("now", now).executeUpdate();
    }

    @Override
    public Optional<CodeResetToken> findResetToken(String tokenHash) {
        return Optional.ofNullable(em.find(CodeResetToken.class, tokenHash));
    }

    @Override
    public void cancelEmailChanges(Account account) {
        em.createQuery("delete from EmailChangeToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", account).executeUpdate();
    }

    @Override
    public void addEmailChange(EmailChangeToken token) {
        em.persist(token);
    }

    @Override
    public Optional<EmailChangeToken> findEmailChange(String tokenHash) {
        return Optional.ofNullable(em.find(EmailChangeToken.class, tokenHash));
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

    @Override
    public boolean isExpiredLink(String tokenHash) {
        return !em.createNativeQuery("SELECT 1 FROM expired_activation_link WHERE token_hash = ?1")
                .setParameter(1, tokenHash).getResultList().isEmpty();
    }

    @Override
    public int forgetExpiredLinks(Instant now) {
        return em.createNativeQuery("DELETE FROM expired_activation_link WHERE kept_until < ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }
}
