package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.shared.JobLeases;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import fr.ameli.compte.infrastructure.health.ServiceMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: each new mail right after its transaction commits (asynchronously, so
 * that no page waits on the mail relay), and periodically whatever is due again after a
 * failure or a restart (every {@code ameli.mail.retry-interval}). A mail is claimed in the database before it is sent, so it leaves once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Resource
    TimerService timerService;
    @Resource
    jakarta.ejb.SessionContext context;
    @Inject
    OutboxStore store;
    @Inject
    AmeliConfig config;
    @Inject
    SmtpMailTransport smtp;
    @Inject
    FileMailTransport file;
    @Inject
    ServiceMetrics metrics;
    @Inject
    JobLeases leases;

    @PostConstruct
    void schedule() {
        long every = config.mailRetryInterval().toMillis();
        timerService.createIntervalTimer(every, every, new TimerConfig("mail-outbox", false));
        LOG.info(() -> "Mails leave by " + config.mailMode() + (config.mailMode() == AmeliConfig.MailMode.SMTP
                ? " through " + config.smtpHost() + ":" + config.smtpPort()
                : " into " + config.dataDir().resolve("mails")));
    }

    /** A clean stop gives the retry sweep's lease up: the server started next retries at its first tick. */
    @PreDestroy
    void giveUpTheLease() {
        try {
            leases.release("mail-outbox");
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "The mail outbox lease was not given up at stop; it runs out by itself", e);
        }
    }

    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        context.getBusinessObject(MailDelivery.class).deliverLater(queued.mailId());
    }

    @Asynchronous
    public void deliverLater(long mailId) {
        deliver(mailId);
    }

    @Timeout
    void retryDue() {
        // With several servers, one retries the backlog at a time (the others still send their own new mails).
        if (!leases.acquire("mail-outbox", config.mailRetryInterval().multipliedBy(2).plusSeconds(30))) {
            return;
        }
        for (Long id : store.due(100)) {
            deliver(id);
        }
        if (config.mailMode() == AmeliConfig.MailMode.FILE) {
            file.forgetSpent(java.time.Instant.now());
        }
    }

    /** Sends one mail if it can be claimed; records the outcome. */
    public void deliver(long mailId) {
        store.claim(mailId).ifPresent(mail -> {
            try {
                (config.mailMode() == AmeliConfig.MailMode.SMTP ? smtp : file).send(mailId, mail);
                store.markSent(mailId);
                metrics.mailSent();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Mail " + mailId + " not sent, will be retried: " + e, e.getCause());
                store.markFailed(mailId, e.toString(), config.mailRetryInterval());
                metrics.mailFailed();
            }
        });
    }
}
