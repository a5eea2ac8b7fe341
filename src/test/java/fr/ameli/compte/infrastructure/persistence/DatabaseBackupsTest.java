package fr.ameli.compte.infrastructure.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup folders (README « Backups »): named after their time, the oldest removed beyond the kept ones, the schedule counted from the newest. */
class DatabaseBackupsTest {

    private static final Instant T = Instant.parse("2026-01-15T02:00:00Z");

    @TempDir
    Path dir;

    private Path backup(Instant at) throws IOException {
        Path folder = DatabaseBackups.newFolder(dir, at);
        Files.createDirectories(folder.resolve("derby"));
        Files.writeString(folder.resolve("derby/service.properties"), "a database");
        return folder;
    }

    @Test
    void a_folder_is_named_after_its_time_in_utc_and_a_second_one_in_the_same_second_gets_a_number() throws IOException {
        Path first = backup(T);
        Path second = backup(T);
        assertEquals("2026-01-15T02-00-00Z", first.getFileName().toString());
        assertEquals("2026-01-15T02-00-00Z-2", second.getFileName().toString());
        assertEquals(List.of(first, second), DatabaseBackups.backups(dir));
    }

    @Test
    void the_last_ones_are_kept_and_what_is_not_a_backup_is_left_alone() throws IOException {
        Path oldest = backup(T.minus(Duration.ofDays(2)));
        Path older = backup(T.minus(Duration.ofDays(1)));
        Path newest = backup(T);
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve(DatabaseBackups.NOW), "");

        assertEquals(List.of(oldest), DatabaseBackups.prune(dir, 2));
        assertFalse(Files.exists(oldest));
        assertEquals(List.of(older, newest), DatabaseBackups.backups(dir));
        assertTrue(Files.isDirectory(dir.resolve("notes")));
        assertTrue(Files.exists(dir.resolve(DatabaseBackups.NOW)));
        assertEquals(List.of(), DatabaseBackups.prune(dir, 7));
    }

    @Test
    void the_schedule_counts_from_the_newest_backup_and_without_an_interval_nothing_is_due() throws IOException {
        Optional<Duration> daily = Optional.of(Duration.ofDays(1));
        assertTrue(DatabaseBackups.due(dir, daily, T), "no backup yet");
        assertTrue(DatabaseBackups.due(dir.resolve("absent"), daily, T), "no folder yet");
        backup(T);
        assertFalse(DatabaseBackups.due(dir, daily, T.plus(Duration.ofHours(23))));
        assertTrue(DatabaseBackups.due(dir, daily, T.plus(Duration.ofDays(1))));
        assertTrue(DatabaseBackups.due(dir, daily, T.plus(Duration.ofDays(1)).minusSeconds(20)), "half a tick early rather than a tick late");
        assertFalse(DatabaseBackups.due(dir, Optional.empty(), T.plus(Duration.ofDays(30))));
    }
}
