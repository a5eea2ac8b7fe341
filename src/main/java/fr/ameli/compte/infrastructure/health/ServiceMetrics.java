package fr.ameli.compte.infrastructure.health;

import fr.ameli.compte.domain.security.AuditEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * MicroProfile Metrics (Payara serves {@code /metrics}, Prometheus format): one counter
 * {@code ameli_events} per account event of the audit trail (created, activated, expired, failed
 * proofs and logins, locks…), mails sent and failed, and the mails waiting in the outbox. The step
 * durations of the wizard are timers on its actions ({@code ameli_wizard_step}).
 */
@ApplicationScoped
public class ServiceMetrics {

    @Inject
    MetricRegistry registry;
    @Inject
    DataSource dataSource;

    @PostConstruct
    void register() {
        registry.gauge("ameli_mails_waiting", this, ServiceMetrics::mailsWaiting);
    }

    /** Created with the application, so that /metrics shows the gauge from the first scrape. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.counter("ameli_mails_sent");
        registry.counter("ameli_mails_failed");
    }

    /** One more account event (the audit trail calls this for each line it writes). */
    public void event(AuditEvent.Type type, long count) {
        registry.counter("ameli_events", new Tag("event", type.name())).inc(count);
    }

    /** One step of a journey took this long ({@link StepTimingInterceptor}). */
    void stepTook(String step, long nanos) {
        registry.timer("ameli_wizard_step", new Tag("step", step)).update(java.time.Duration.ofNanos(nanos));
    }

    public void mailSent() {
        registry.counter("ameli_mails_sent").inc();
    }

    public void mailFailed() {
        registry.counter("ameli_mails_failed").inc();
    }

    private long mailsWaiting() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
