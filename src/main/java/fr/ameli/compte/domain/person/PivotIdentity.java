package fr.ameli.compte.domain.person;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity FranceConnect vouches for, its « identité pivot »: given names (space-separated, the
 * first one first), family name (the birth name), birth date, gender ({@code male} / {@code female}),
 * birthplace (the INSEE code of the commune, for a person born in France) and birth country (the
 * INSEE code of the country, {@value #FRANCE} for France).
 *
 * <p>Why: a FranceConnect login names no NIR, so the person is found in the register — and a loose
 * match logs a homonym into someone else's account. The NIR itself carries the sex, the year and
 * month of birth and the place of birth (its characters 6 to 10: the commune's INSEE code, or
 * {@code 99} and the country's code for a person born abroad), so the match is exact on all of
 * them ({@link #nirPrefixes}), then on the birth date, the family name and the first given name,
 * compared in {@link PersonName#matchKey}'s one form. No prefix of a name, no « missing means any ».
 */
public record PivotIdentity(String givenNames, String familyName, LocalDate birthDate, String gender,
                            String birthplace, String birthcountry) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The INSEE code FranceConnect gives as the birth country of a person born in France. */
    public static final String FRANCE = "99100";

    /** An INSEE commune code: two digits of department (or 2A / 2B for Corsica) and three of commune; 97x… overseas. */
    private static final Pattern COMMUNE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    /** An INSEE country code: 99 and three digits. */
    private static final Pattern COUNTRY = Pattern.compile("99\\d{3}");

    /**
     * The first ten characters the person's NIR must have: sex, the birth year's last two digits, the
     * birth month, the place of birth. Two for a person born in Corsica, whose NIR says {@code 20}
     * rather than {@code 2A} or {@code 2B} when it was given before 1976; none when a field is missing
     * or not of its form (no match is then possible: the person creates their account).
     */
    public List<String> nirPrefixes() {
        Optional<String> sex = sexDigit();
        Optional<String> place = placeOfBirth();
        if (sex.isEmpty() || place.isEmpty() || birthDate == null) {
            return List.of();
        }
        String born = sex.get() + String.format(Locale.ROOT, "%02d%02d", birthDate.getYear() % 100, birthDate.getMonthValue());
        String commune = place.get();
        if (commune.startsWith("2A") || commune.startsWith("2B")) {
            return List.of(born + commune, born + "20" + commune.substring(2));
        }
        return List.of(born + commune);
    }

    /**
     * Whether this register entry is this person: its NIR starts with one of {@link #nirPrefixes},
     * and the birth date, the family name and the first given name are the same (the register's
     * first given name too: an entry without given names matches nobody).
     */
    public boolean matches(InsuredPerson person) {
        String nir = person.nir().fullForm();
        return nirPrefixes().stream().anyMatch(nir::startsWith)
                && person.birthDate().equals(birthDate)
                && familyName != null && !familyName.isBlank()
                && PersonName.matchKey(familyName).equals(PersonName.matchKey(person.familyName().value()))
                && firstGivenName(givenNames).isPresent()
                && firstGivenName(givenNames).equals(firstGivenName(person.givenNames()));
    }

    /** The first of space-separated given names, in {@link PersonName#matchKey}'s form (« Jean-Michel Pierre » → JEANMICHEL). */
    static Optional<String> firstGivenName(String givenNames) {
        if (givenNames == null || givenNames.isBlank()) {
            return Optional.empty();
        }
        String first = givenNames.strip().split("\\s+")[0];
        String key = PersonName.matchKey(first);
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** 1 for a man, 2 for a woman: the NIR's first digit. */
    private Optional<String> sexDigit() {
        if ("male".equals(gender)) {
            return Optional.of("1");
        }
        return "female".equals(gender) ? Optional.of("2") : Optional.empty();
    }

    /** The NIR's characters 6 to 10: the commune's code for a person born in France, else the country's. */
    private Optional<String> placeOfBirth() {
        if (FRANCE.equals(birthcountry)) {
            String commune = birthplace == null ? "" : birthplace.strip().toUpperCase(Locale.ROOT);
            return COMMUNE.matcher(commune).matches() ? Optional.of(commune) : Optional.empty();
        }
        return birthcountry != null && COUNTRY.matcher(birthcountry).matches() ? Optional.of(birthcountry) : Optional.empty();
    }
}
