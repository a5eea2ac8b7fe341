package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A birth date, typed as JJ/MM/AAAA. Why: the date must exist (no 31/02), must not be in the
 * future and is compared with the NIR and the register, so it is parsed strictly in one place.
 * The constructor checks what needs no clock (not before 1900); {@link #of} and {@link #parse}
 * also refuse the future, against the clock they are given (tests pass a fixed one).
 */
public record BirthDate(LocalDate value) implements java.io.Serializable {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final DateTimeFormatter JJ_MM_AAAA =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");

    public BirthDate {
        if (value == null) {
            throw new InvalidValueException("La date de naissance est obligatoire.");
        }
        if (value.isBefore(EARLIEST)) {
            throw new InvalidValueException("La date de naissance ne peut pas être antérieure à 1900.");
        }
    }

    public static BirthDate of(LocalDate value, Clock clock) {
        BirthDate date = new BirthDate(value);
        if (value.isAfter(LocalDate.now(clock))) {
            throw new InvalidValueException("La date de naissance ne peut pas être dans le futur.");
        }
        return date;
    }

    /** Exactly JJ/MM/AAAA (two-digit day and month, four-digit year), surrounding spaces ignored. */
    public static BirthDate parse(String jjmmaaaa, Clock clock) {
        if (jjmmaaaa == null || jjmmaaaa.isBlank()) {
            throw new InvalidValueException("La date de naissance est obligatoire.");
        }
        String typed = jjmmaaaa.strip();
        if (!SHAPE.matcher(typed).matches()) {
            throw new InvalidValueException("La date de naissance doit être au format JJ/MM/AAAA.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed, JJ_MM_AAAA);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("La date de naissance n'existe pas.");
        }
        return of(date, clock);
    }

    /** Back to JJ/MM/AAAA. */
    public String format() {
        return JJ_MM_AAAA.format(value);
    }

    @Override
    public String toString() {
        return format();
    }
}
