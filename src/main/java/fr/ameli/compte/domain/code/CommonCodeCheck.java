package fr.ameli.compte.domain.code;

import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PersonalData;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule 6, « ne pas être un code trop courant » (PRODUCT §2.5), as ANSSI and NIST SP 800-63B
 * advise: refuse what a guesser tries first, and no more, so that a long code of one's own is
 * never refused for looking like something. A code is too common when:
 *
 * <ol>
 *   <li>it is in the list of the most common passwords, whatever its case
 *       ({@code AZERTY} is {@code azerty});</li>
 *   <li>or it is such a password with a few digits or special characters added before or after
 *       ({@code Password123!}, {@code !Soleil2024}): guessing tools add exactly that. "A few": what
 *       is left once the digits and specials at both ends are taken off has at least
 *       {@value #MIN_CORE} characters and is at least half of the code; {@code Soleil*83920174}
 *       is not refused, and neither is {@code Robert*123_A}, which ends with a letter;</li>
 *   <li>or its letters, once its digits and special characters are set aside, are only
 *       {@code ameli}, the person's name and given names, in any order, repeated or not
 *       ({@code Toto2024!}, {@code Ameli2024!}, {@code marie.toto}, {@code MarieToto_75}):
 *       the first thing a person who knows them tries. Names compare as the identity step does
 *       ({@link PersonName#matchKey}): {@code Lefevre} is {@code LEFÈVRE}; a hyphenated or
 *       compound name counts whole and by its parts ({@code Jean-Pierre}, {@code Jean}, {@code Pierre}),
 *       parts of one letter apart.</li>
 * </ol>
 */
final class CommonCodeCheck {

    /** The shortest part of a code that, with digits or specials around it, is looked up in the list. */
    static final int MIN_CORE = 4;
    /** Always among the names: the service's own. */
    static final String SERVICE_NAME = "AMELI";

    private static final Pattern NAME_PARTS = Pattern.compile("[\\s,'’-]+");

    private CommonCodeCheck() {
    }

    static boolean isTooCommon(String code, PersonalData person, CommonCodes list) {
        String lowercase = code.toLowerCase(Locale.ROOT);
        if (lowercase.isEmpty()) {
            return false;
        }
        if (list.contains(lowercase)) {
            return true;
        }
        String core = core(lowercase);
        boolean fewAdded = core.length() >= MIN_CORE && 2 * core.length() >= lowercase.length();
        if (fewAdded && !core.equals(lowercase) && list.contains(core)) {
            return true;
        }
        return isMadeOfNames(code, person);
    }

    /** The code without the characters that are not letters at its start and at its end. */
    static String core(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && !Character.isLetter(code.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(code.charAt(end - 1))) {
            end--;
        }
        return code.substring(start, end);
    }

    /** Whether the letters of the code spell only names of the person (and {@code ameli}), one after the other. */
    static boolean isMadeOfNames(String code, PersonalData person) {
        StringBuilder letters = new StringBuilder();
        code.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        String key = PersonName.matchKey(letters.toString());
        return !key.isEmpty() && spells(key, names(person));
    }

    /** The name keys a code may not be made of: ameli, the family name, each given name, whole and by parts. */
    static Set<String> names(PersonalData person) {
        Set<String> names = new LinkedHashSet<>();
        names.add(SERVICE_NAME);
        addName(names, person.familyName().value());
        if (person.givenNames() != null) {
            for (String givenName : person.givenNames().strip().split("[\\s,]+")) {
                addName(names, givenName);
            }
        }
        return names;
    }

    private static void addName(Set<String> names, String name) {
        addKey(names, name);
        for (String part : NAME_PARTS.split(name)) {
            addKey(names, part);
        }
    }

    private static void addKey(Set<String> names, String name) {
        String key = PersonName.matchKey(name);
        if (key.length() >= 2) {
            names.add(key);
        }
    }

    /** Whether {@code key} is a sequence of {@code words} (each any number of times): word break by dynamic programming. */
    private static boolean spells(String key, Set<String> words) {
        boolean[] spelled = new boolean[key.length() + 1];
        spelled[0] = true;
        for (int end = 1; end <= key.length(); end++) {
            for (String word : words) {
                int start = end - word.length();
                if (start >= 0 && spelled[start] && key.startsWith(word, start)) {
                    spelled[end] = true;
                    break;
                }
            }
        }
        return spelled[key.length()];
    }
}
