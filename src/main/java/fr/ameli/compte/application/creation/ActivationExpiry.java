package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.account.RememberedBrowserRepository;
import fr.ameli.compte.domain.account.ActivationTokenRepository;
import fr.ameli.compte.domain.account.ProvisionalCodeRepository;
import fr.ameli.compte.application.shared.JobLeases;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.account.AccountRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The expiry timer (PRODUCT §5): every {@code ameli.activation.sweep-interval}, pending accounts
 * older than {@code ameli.activation.validity} are removed with their tokens and mails, in one
 * set-based statement per table, so that the person can start again and no personal data of an
 * abandoned request stays behind; only the hash of each removed link stays a while, so that it
 * says « expiré ». The timer is not persistent: it is created at each start
 * from the configuration, so a changed interval takes effect on restart.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActivationExpiry {

    private static final Logger LOG = Logger.getLogger(ActivationExpiry.class.getName());

    @Resource
    TimerService timerService;
    @Inject
    AccountRepository accounts;
    @Inject
    ActivationTokenRepository activationTokenRepository;
    @Inject
    ProvisionalCodeRepository provisionalCodeRepository;
    @Inject
    RememberedBrowserRepository rememberedBrowserRepository;
    @Inject
    ServiceSettings settings;
    @Inject
    Clock clock;
    @Inject
    JobLeases leases;
    @Inject
    fr.ameli.compte.domain.security.SecurityRepository security;

    static final String JOB = "activation-expiry";

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = settings.activationSweepInterval().toMillis();
        timerService.createIntervalTimer(every, every, new TimerConfig("activation-expiry", false));
        LOG.info(() -> "Unconfirmed activations are swept every " + settings.activationSweepInterval()
                + "; a link is valid " + settings.activationValidity());
    }

    @Resource
    SessionContext context;

    /**
     * A clean stop gives the lease up: the server started next (the same after a restart, or
     * another) sweeps at its first tick, not once the lease has run out (two intervals later).
     */
    @PreDestroy
    void giveUpTheLease() {
        if (!running.compareAndSet(false, true)) {
            return; // A sweep is under way: the lease runs out by itself, and no other server sweeps meanwhile.
        }
        try {
            leases.release(JOB);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The expiry lease was not given up at stop; it runs out by itself", e);
        }
    }

    /** Runs no transaction itself: the sweep is one, timed with its commit. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        // One sweep at a time: a slow sweep is not overtaken by the next tick, and with several
        // servers only the lease holder sweeps.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        if (!leases.acquire(JOB, settings.activationSweepInterval().multipliedBy(2).plusSeconds(30))) {
            running.set(false);
            return;
        }
        try {
            long start = System.nanoTime();
            int removed = context.getBusinessObject(ActivationExpiry.class).sweep();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (removed > 0) {
                LOG.info(() -> removed + " unconfirmed account(s) older than " + settings.activationValidity()
                        + " removed in " + millis + " ms");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweep of unconfirmed activations failed; the next tick retries", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Removes the pending accounts whose link has expired, keeping their links' hashes for
     * {@code ameli.activation.expired-link-retention}, and forgets the links kept longer and the
     * remembered browsers past their 30 days and the mails sent for no account (a closure's), the
     * provisional codes of abandoned requests (a NIR in clear) and the throttle counters that no
     * longer matter; one transaction, set-based. Returns how many accounts were removed.
     */
    public int sweep() {
        Instant now = clock.instant();
        activationTokenRepository.forgetExpiredLinks(now);
        provisionalCodeRepository.forgetUselessProvisionalCodes(now);
        for (fr.ameli.compte.domain.security.ThrottleCounter.Kind kind : fr.ameli.compte.domain.security.ThrottleCounter.Kind.values()) {
            security.removeIdleCounters(kind, now.minus(fr.ameli.compte.domain.security.ThrottleCounter.keptIdle(kind)), now);
        }
        // Remembered browsers whose 30 days are over are refused already; their rows go too.
        rememberedBrowserRepository.forgetExpiredBrowsers(now);
        // A closed account's last mail, once sent: its address was the last trace of the person.
        accounts.forgetSentMailsWithoutAccount();
        Duration validity = settings.activationValidity();
        return accounts.removeExpiredPending(now.minus(validity), now.plus(settings.expiredLinkRetention()));
    }
}
