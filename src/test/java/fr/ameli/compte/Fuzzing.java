package fr.ameli.compte;

import fr.ameli.compte.domain.shared.InvalidValueException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fuzz tests of the parsers ({@code *FuzzTest}, issue 19, docs/SECURITY.md « Fuzzed
 * parsers ») have in common. Each feeds what comes from outside (a form field, a cookie, a link's
 * token, a register extract) to one parser, through {@link #refusedOnlyByTheDomain}: the parser may
 * accept or refuse with {@link InvalidValueException} and its French message; any other exception
 * is a finding, which Jazzer writes under {@code src/test/resources/…/<Class>Inputs} and which then
 * stays as a regression case.
 *
 * <p>As an extension ({@code @ExtendWith(Fuzzing.class)}) it counts the inputs and, when the build
 * says how many a fuzz test must at least try ({@code ameli.fuzz.at-least}, set by the surefire
 * execution {@code fuzz}), fails a test class that tried fewer: a fuzz test that only replayed its
 * seeds (no {@code JAZZER_FUZZ}) did not fuzz, and must not pass as if it had.
 */
public final class Fuzzing implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicLong INPUTS = new AtomicLong();

    /** One input given to a parser: it may refuse it with the domain's own refusal, and nothing else. */
    public static void refusedOnlyByTheDomain(Runnable parse) {
        INPUTS.incrementAndGet();
        try {
            parse.run();
        } catch (InvalidValueException refusal) {
            if (refusal.getMessage() == null || refusal.getMessage().isBlank()) {
                throw new AssertionError("A refusal without its French message", refusal);
            }
        }
    }

    /** One input given to a parser whose only answers are documented values (empty, false). */
    public static void tried() {
        INPUTS.incrementAndGet();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        INPUTS.set(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long atLeast = Long.getLong("ameli.fuzz.at-least", 0);
        long tried = INPUTS.get();
        context.publishReportEntry("fuzzed inputs", String.valueOf(tried));
        if (tried < atLeast) {
            throw new AssertionError(context.getDisplayName() + " tried " + tried + " inputs, fewer than the "
                    + atLeast + " of ameli.fuzz.at-least: it did not fuzz (is JAZZER_FUZZ set?)");
        }
    }
}
