package fr.ameli.compte.infrastructure.health;

import fr.ameli.compte.infrastructure.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * MicroProfile Health (Payara serves {@code /health}, {@code /health/ready}, {@code /health/live}):
 * ready when the database answers, its schema is migrated and the mail outbox is not piling up;
 * live while the application runs. Load balancers send traffic only to ready servers.
 */
@ApplicationScoped
public class ServiceHealth {

    /** More mails waiting than this (for longer than a retry or two) means delivery is broken. */
    static final int OUTBOX_BACKLOG_LIMIT = 500;

    @Inject
    DataSource dataSource;
    @Inject
    DatabaseMigrations migrations;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection c = dataSource.getConnection()) {
                boolean valid = c.isValid(2);
                return HealthCheckResponse.named("database").status(valid && migrations.isMigrated())
                        .withData("reachable", valid).withData("migrated", migrations.isMigrated()).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck mailOutbox() {
        return () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NULL")) {
                rs.next();
                long waiting = rs.getLong(1);
                return HealthCheckResponse.named("mail-outbox").status(waiting <= OUTBOX_BACKLOG_LIMIT)
                        .withData("waiting", waiting).withData("limit", OUTBOX_BACKLOG_LIMIT).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("mail-outbox").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Produces
    @Liveness
    HealthCheck application() {
        return () -> HealthCheckResponse.named("application").up().build();
    }
}
