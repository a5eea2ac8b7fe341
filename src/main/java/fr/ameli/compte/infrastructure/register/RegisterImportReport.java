package fr.ameli.compte.infrastructure.register;

import java.time.Duration;
import java.util.List;

/** What one load of a register extract did: the operator's summary, also kept for the tests. */
public record RegisterImportReport(String source, int inserted, int updated, int unchanged, List<RejectedRow> rejected,
                                   Duration took) {

    public RegisterImportReport {
        rejected = List.copyOf(rejected);
    }

    public int loaded() {
        return inserted + updated + unchanged;
    }

    @Override
    public String toString() {
        return "Register " + source + ": " + inserted + " added, " + updated + " updated, "
                + unchanged + " unchanged, " + rejected.size() + " rejected, in " + took.toMillis() + " ms";
    }
}
