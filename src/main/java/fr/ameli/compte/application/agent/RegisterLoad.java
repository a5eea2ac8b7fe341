package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.util.List;

/** A register extract loaded by upload: the loader's counts (rows added, updated, already as they were) and each rejected row. */
public record RegisterLoad(String source, int created, int updated, List<Rejected> rejected, long millis, int unchanged)
        implements Serializable {
    public record Rejected(int lineNumber, String reason) implements Serializable {
    }

    public RegisterLoad {
        rejected = List.copyOf(rejected);
    }
}
