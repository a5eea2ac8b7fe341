package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.shared.JobLeases;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backups of the embedded Derby database (README « Backups », issue 19), while the service
 * runs: Derby's {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} copies the database, consistent as of
 * one moment, into a timestamped folder of {@code ameli.backup.dir} (outside the data dir); the
 * last {@code ameli.backup.keep} are kept. A backup is taken every {@code ameli.backup.interval}
 * (none by default: no schedule), counted from the newest folder so that a restart does not
 * delay it, and at the next minute's tick when the operator creates the file {@value #NOW} in the
 * backup folder. The timer runs on one server at a time (job lease {@value #JOB}); on another
 * database than Derby it says so once in the log and takes nothing (PostgreSQL: pg_dump).
 *
 * <p>Restoring is one step, the service stopped: the connection attribute
 * {@code restoreFrom=<folder>/derby} (README), as the container test does.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseBackups {

    /** The file whose presence in the backup folder asks for a backup at the next tick (then it is removed). */
    public static final String NOW = "sauvegarder-maintenant";
    static final String JOB = "database-backup";
    static final Duration TICK = Duration.ofMinutes(1);
    /** A backup folder's name: when it was taken, in UTC, sortable; « -2 » and so on for a second one in the same second. */
    static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final int FOLDER_LENGTH = "2026-01-15T10-00-00Z".length();
    private static final Pattern FOLDER_NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z(-\\d+)?");
    private static final Logger LOG = Logger.getLogger(DatabaseBackups.class.getName());

    @Resource
    TimerService timerService;
    @Inject
    AmeliConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    JobLeases leases;
    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (config.backupDir().isEmpty()) {
            LOG.info("No ameli.backup.dir: the service takes no backup of its database (README « Backups »)");
            return;
        }
        Optional<String> other = otherDatabase();
        if (other.isPresent()) {
            LOG.info(() -> "ameli.backup.dir is set but the database is " + other.get() + ", not embedded Derby: the service takes no"
                    + " backup of it; use pg_dump or point-in-time recovery (README « Backups »)");
            return;
        }
        timerService.createIntervalTimer(TICK.toMillis(), TICK.toMillis(), new TimerConfig(JOB, false));
        LOG.info(() -> "Backups of the database go to " + config.backupDir().get() + ", the last " + config.backupKeep() + " kept, "
                + config.backupInterval().map(every -> "every " + every).orElse("when asked (no ameli.backup.interval)")
                + "; create the file " + NOW + " there to have one taken within a minute");
    }

    @Timeout
    void onTimer() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Path dir = config.backupDir().orElseThrow();
            boolean asked = Files.deleteIfExists(dir.resolve(NOW));
            if ((asked || due(dir, config.backupInterval(), clock.instant())) && leases.acquire(JOB, TICK.multipliedBy(2))) {
                backUpNow();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The backup of the database failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * Takes a backup now into a new timestamped folder of {@code ameli.backup.dir} and removes the
     * oldest beyond {@code ameli.backup.keep}; the folder, or empty when there is nothing to back up
     * here (no backup folder, or not Derby).
     */
    public Optional<Path> backUpNow() {
        Optional<Path> dir = config.backupDir();
        if (dir.isEmpty() || otherDatabase().isPresent()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        Path folder = newFolder(dir.get(), clock.instant());
        try (Connection connection = dataSource.getConnection();
             CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            Files.createDirectories(folder);
            backup.setString(1, folder.toString());
            backup.execute();
        } catch (SQLException | IOException e) {
            // A half-written folder must not count as one of the backups kept.
            delete(folder);
            throw new IllegalStateException("Derby could not back the database up into " + folder, e);
        }
        List<Path> removed = prune(dir.get(), config.backupKeep());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "Database backed up into " + folder + " in " + millis + " ms" + (removed.isEmpty() ? "" : "; removed the older " + removed));
        return Optional.of(folder);
    }

    /** Whether the schedule asks for a backup: an interval is set and the newest backup is older than it (or there is none). */
    static boolean due(Path dir, Optional<Duration> every, Instant now) throws IOException {
        if (every.isEmpty()) {
            return false;
        }
        List<Path> all = backups(dir);
        if (all.isEmpty()) {
            return true;
        }
        Instant newest = Instant.from(FOLDER.parse(all.get(all.size() - 1).getFileName().toString().substring(0, FOLDER_LENGTH)));
        // Half a tick early rather than a whole tick late.
        return !newest.plus(every.get()).isAfter(now.plus(TICK.dividedBy(2)));
    }

    /** The backup folders of {@code dir}, the oldest first (their names sort as their times). */
    static List<Path> backups(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).filter(p -> FOLDER_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).toList();
        }
    }

    /** Removes the oldest backup folders beyond the last {@code keep}; those it removed. */
    static List<Path> prune(Path dir, int keep) {
        try {
            List<Path> all = backups(dir);
            List<Path> old = all.subList(0, Math.max(0, all.size() - keep));
            old.forEach(DatabaseBackups::delete);
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException("The older backups of " + dir + " could not be listed", e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The backup folder " + folder + " could not be removed", e);
        }
    }

    /** A folder name for a backup taken at {@code now}, not yet used in {@code dir}. */
    static Path newFolder(Path dir, Instant now) {
        String name = FOLDER.format(now);
        Path folder = dir.resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = dir.resolve(name + "-" + n);
        }
        return folder;
    }

    /** The database's product name when it is not Derby; empty for Derby. */
    private Optional<String> otherDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return "Apache Derby".equals(product) ? Optional.empty() : Optional.of(product);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to back it up", e);
        }
    }
}
