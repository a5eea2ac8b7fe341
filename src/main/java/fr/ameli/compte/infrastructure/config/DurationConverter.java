package fr.ameli.compte.infrastructure.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.io.Serial;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reads the ISO-8601 durations of the configuration ({@code PT48H}, {@code PT5M}) for MicroProfile
 * Config, registered in {@code META-INF/services}. Payara has no converter of its own for
 * {@code Duration} (only its fallback through {@code Duration.parse}); this one also forgives the
 * spaces an operator may leave around a value, and says what was expected. MicroProfile Config
 * names the key in the deployment error.
 */
public class DurationConverter implements Converter<Duration> {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Duration convert(String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Configuration value " + value + " is invalid: expected an ISO-8601 duration such as PT48H or PT5M", e);
        }
    }
}
