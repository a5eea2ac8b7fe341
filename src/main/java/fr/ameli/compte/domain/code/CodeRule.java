package fr.ameli.compte.domain.code;

import fr.ameli.compte.domain.person.PersonalData;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The six rules a code personnel must follow (PRODUCT §2.5), in the order the page lists them, each
 * with the exact French text shown next to its check mark. Why: one constant per rule keeps each
 * rule in one place, used by the live check on the page and by the server alike.
 */
public enum CodeRule {

    LENGTH("comporter entre 8 et 50 caractères") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            int length = code.codePointCount(0, code.length());
            return length >= MIN_LENGTH && length <= MAX_LENGTH;
        }
    },

    LOWER_AND_UPPER_CASE("contenir des caractères latins minuscules et majuscules") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            return code.codePoints().anyMatch(CodeCharacters::isLower)
                    && code.codePoints().anyMatch(CodeCharacters::isUpper);
        }
    },

    DIGIT_OR_SPECIAL("contenir un chiffre ou un caractère spécial") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            return code.codePoints().anyMatch(c -> CodeCharacters.isDigit(c) || CodeCharacters.isSpecial(c));
        }
    },

    ALLOWED_CHARACTERS("ne contenir que des caractères autorisés") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            return code.codePoints().allMatch(CodeCharacters::isAllowed);
        }

        /** Names each refused character once, in the order typed. */
        @Override
        String detail(String code) {
            Set<String> refused = code.codePoints()
                    .filter(c -> !CodeCharacters.isAllowed(c))
                    .mapToObj(CodeCharacters::nameOf)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (refused.isEmpty()) {
                return "";
            }
            return (refused.size() == 1 ? "Caractère non autorisé : " : "Caractères non autorisés : ")
                    + String.join(", ", refused);
        }
    },

    NO_PERSONAL_DATA("ne pas contenir votre n° de sécurité sociale, votre date de naissance ou une partie de celle-ci") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            String upper = code.toUpperCase(Locale.ROOT);
            return forbiddenFragments(data).stream().noneMatch(upper::contains);
        }
    },

    /** What a guesser tries first: a common password, or the person's names (see {@link CommonCodeCheck}). */
    NOT_TOO_COMMON("ne pas être un code trop courant") {
        @Override
        boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes) {
            return !CommonCodeCheck.isTooCommon(code, data, commonCodes);
        }
    };

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 50;
    /** How many consecutive characters of the NIR make a code refused. */
    public static final int NIR_WINDOW = 6;

    private final String label;

    CodeRule(String label) {
        this.label = label;
    }

    /** The French text shown with the rule's check mark. */
    public String label() {
        return label;
    }

    /**
     * Checks one code; a null code counts as empty. Rules 1–4 look neither at the personal data nor
     * at the list of common codes; only rule 6 looks at the list.
     */
    public RuleCheck check(String code, PersonalData data, CommonCodes commonCodes) {
        String typed = code == null ? "" : code;
        boolean satisfied = isSatisfiedBy(typed, data, commonCodes);
        return new RuleCheck(this, satisfied, satisfied ? "" : detail(typed));
    }

    abstract boolean isSatisfiedBy(String code, PersonalData data, CommonCodes commonCodes);

    String detail(String code) {
        return "";
    }

    /**
     * Rule 5's list: every 6 consecutive characters of the NIR's 13; the birth year; day and month;
     * the date as DDMMYYYY, DDMMYY and YYYYMMDD — the dated ones without separator and with
     * "/", "-" or ".". (Uppercase, compared with the code uppercased, for 2A / 2B.)
     */
    static Set<String> forbiddenFragments(PersonalData data) {
        Set<String> fragments = new LinkedHashSet<>();
        String nir = data.nir().digits13();
        for (int start = 0; start + NIR_WINDOW <= nir.length(); start++) {
            fragments.add(nir.substring(start, start + NIR_WINDOW));
        }
        LocalDate date = data.birthDate();
        String day = String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
        String month = String.format(Locale.ROOT, "%02d", date.getMonthValue());
        String year = String.format(Locale.ROOT, "%04d", date.getYear());
        String shortYear = year.substring(2);
        fragments.add(year);
        for (String separator : new String[] {"", "/", "-", "."}) {
            fragments.add(day + separator + month);
            fragments.add(day + separator + month + separator + year);
            fragments.add(day + separator + month + separator + shortYear);
            fragments.add(year + separator + month + separator + day);
        }
        return fragments;
    }
}
