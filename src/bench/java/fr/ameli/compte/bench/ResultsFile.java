package fr.ameli.compte.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code target/bench/results.json}: the {@link BenchResults} of the current run, which each of
 * its processes (the harness before and after, the Gatling simulations in between) reads and adds
 * its figures to as soon as they are measured (one process at a time: they run one after
 * the other). bench-prepare starts it afresh.
 */
final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private final Path file;

    ResultsFile(Path benchDir) {
        this.file = benchDir.resolve("results.json");
    }

    /** The file of the run whose directory is the system property {@code bench.dir} (as the simulations are given it). */
    static ResultsFile ofThisRun() {
        return new ResultsFile(Path.of(BenchSetup.property("bench.dir")));
    }

    BenchResults read() {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), BenchResults.class) : new BenchResults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds figures to the file; the results with them. */
    BenchResults update(Consumer<BenchResults> change) {
        BenchResults changed = read();
        change.accept(changed);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
