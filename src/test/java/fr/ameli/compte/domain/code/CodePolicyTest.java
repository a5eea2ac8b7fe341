package fr.ameli.compte.domain.code;

import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PersonalData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class CodePolicyTest {

    /** The seed person: TOTO Marie, NIR 2 28 12 31 815 001, born 03/12/1928. */
    private static final PersonalData TOTO = new PersonalData(new Nir("2281231815001"), LocalDate.of(1928, 12, 3),
            new PersonName("TOTO"), "Marie");
    /** A Corsica-born person, to check NIR windows holding 2A. */
    private static final PersonalData CORSICAN = new PersonalData(new Nir("253072A073004"), LocalDate.of(1953, 7, 14),
            new PersonName("SANTONI"), "Ange-Marie");
    /** Names that no list of common passwords holds, to check rule 6's names on their own. */
    private static final PersonalData KERBRAT = new PersonalData(new Nir("2750529019150"), LocalDate.of(1975, 5, 12),
            new PersonName("KERBRAT"), "Maëlys Anne");
    /** A hyphenated name and a compound given name (the demo register's). */
    private static final PersonalData MARTIN_DUBOIS = new PersonalData(new Nir("1510569123076"), LocalDate.of(1951, 5, 2),
            new PersonName("MARTIN-DUBOIS"), "Jean-Pierre");
    /** A few entries of the real list (its 100,000 are in CommonCodesListTest), in lowercase as the rule asks. */
    public static final CommonCodes COMMON = Set.of("password", "password1", "azerty", "soleil", "motdepasse", "bonjour",
            "abc123456789", "qwerty123")::contains;

    private final CodePolicy policy = new CodePolicy(COMMON);

    @Test
    void rulesAreTheSixOfTheSpecInOrderWithTheirExactText() {
        assertEquals(List.of(
                        "comporter entre 8 et 50 caractères",
                        "contenir des caractères latins minuscules et majuscules",
                        "contenir un chiffre ou un caractère spécial",
                        "ne contenir que des caractères autorisés",
                        "ne pas contenir votre n° de sécurité sociale, votre date de naissance ou une partie de celle-ci",
                        "ne pas être un code trop courant"),
                Stream.of(CodeRule.values()).map(CodeRule::label).toList());
    }

    static Stream<Arguments> ruleCases() {
        return Stream.of(
                // 1. length
                Arguments.of("length: 8 characters", CodeRule.LENGTH, "Abcdef1!", true),
                Arguments.of("length: 7 characters", CodeRule.LENGTH, "Abcde1!", false),
                Arguments.of("length: 50 characters", CodeRule.LENGTH, "Ab1" + "x".repeat(47), true),
                Arguments.of("length: 51 characters", CodeRule.LENGTH, "Ab1" + "x".repeat(48), false),
                Arguments.of("length: euro sign counts as one", CodeRule.LENGTH, "Abcdef1€", true),
                Arguments.of("length: emoji counts as one", CodeRule.LENGTH, "Abcdefg😀", true),
                Arguments.of("length: empty", CodeRule.LENGTH, "", false),
                Arguments.of("length: null", CodeRule.LENGTH, null, false),
                // 2. lowercase and uppercase
                Arguments.of("case: both", CodeRule.LOWER_AND_UPPER_CASE, "abcdEFGH", true),
                Arguments.of("case: one of each is enough", CodeRule.LOWER_AND_UPPER_CASE, "a1234567Z", true),
                Arguments.of("case: lowercase only", CodeRule.LOWER_AND_UPPER_CASE, "abcdefg1", false),
                Arguments.of("case: uppercase only", CodeRule.LOWER_AND_UPPER_CASE, "ABCDEFG1", false),
                Arguments.of("case: accented capital is not Latin a-z A-Z", CodeRule.LOWER_AND_UPPER_CASE, "abcdefgÉ", false),
                Arguments.of("case: accented small letter is not Latin a-z A-Z", CodeRule.LOWER_AND_UPPER_CASE, "ABCDEFGé", false),
                Arguments.of("case: empty", CodeRule.LOWER_AND_UPPER_CASE, "", false),
                // 3. digit or special
                Arguments.of("digit or special: digit", CodeRule.DIGIT_OR_SPECIAL, "abcdEFG1", true),
                Arguments.of("digit or special: allowed special", CodeRule.DIGIT_OR_SPECIAL, "abcdEFG!", true),
                Arguments.of("digit or special: euro sign", CodeRule.DIGIT_OR_SPECIAL, "abcdEFG€", true),
                Arguments.of("digit or special: refused special still counts here", CodeRule.DIGIT_OR_SPECIAL, "abcdEFG#", true),
                Arguments.of("digit or special: letters only", CodeRule.DIGIT_OR_SPECIAL, "abcdEFGH", false),
                Arguments.of("digit or special: space is not special", CodeRule.DIGIT_OR_SPECIAL, "abcd EFGH", false),
                Arguments.of("digit or special: accented letter is not special", CodeRule.DIGIT_OR_SPECIAL, "abcdEFGé", false),
                Arguments.of("digit or special: empty", CodeRule.DIGIT_OR_SPECIAL, "", false),
                // 4. allowed characters
                Arguments.of("allowed: letters and digits", CodeRule.ALLOWED_CHARACTERS, "Abcdefg1", true),
                Arguments.of("allowed: every allowed special", CodeRule.ALLOWED_CHARACTERS, "?!$€£@&(-+_)=*%/<>,.;", true),
                Arguments.of("allowed: empty", CodeRule.ALLOWED_CHARACTERS, "", true),
                Arguments.of("allowed: null", CodeRule.ALLOWED_CHARACTERS, null, true),
                Arguments.of("allowed: space", CodeRule.ALLOWED_CHARACTERS, "Abcd efg1", false),
                Arguments.of("allowed: accented letter", CodeRule.ALLOWED_CHARACTERS, "Abcdéfg1", false),
                Arguments.of("allowed: hash", CodeRule.ALLOWED_CHARACTERS, "Abcdefg1#", false),
                Arguments.of("allowed: emoji", CodeRule.ALLOWED_CHARACTERS, "Abcdefg😀", false),
                // 5. personal data
                Arguments.of("personal data: seed code", CodeRule.NO_PERSONAL_DATA, "Robert*123_A", true),
                Arguments.of("personal data: empty", CodeRule.NO_PERSONAL_DATA, "", true),
                Arguments.of("personal data: birth year inside the code", CodeRule.NO_PERSONAL_DATA, "Xyz1928!", false),
                Arguments.of("personal data: day and month", CodeRule.NO_PERSONAL_DATA, "Xyz0312!", false),
                // 6. not too common
                Arguments.of("common: seed code", CodeRule.NOT_TOO_COMMON, "Robert*123_A", true),
                Arguments.of("common: empty", CodeRule.NOT_TOO_COMMON, "", true),
                Arguments.of("common: null", CodeRule.NOT_TOO_COMMON, null, true),
                Arguments.of("common: in the list", CodeRule.NOT_TOO_COMMON, "azerty", false),
                Arguments.of("common: the person's name alone", CodeRule.NOT_TOO_COMMON, "toto", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void eachRuleOnItsOwn(String name, CodeRule rule, String code, boolean satisfied) {
        RuleCheck check = rule.check(code, TOTO, COMMON);
        assertEquals(rule, check.rule());
        assertEquals(satisfied, check.satisfied());
        if (rule != CodeRule.ALLOWED_CHARACTERS) {
            assertEquals("", check.detail());
        }
    }

    static Stream<Arguments> allowedSpecials() {
        return "?!$€£@&(-+_)=*%/<>,.;".codePoints()
                .mapToObj(c -> Arguments.of("allowed special " + Character.toString(c), "Abcdefg" + Character.toString(c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedSpecials")
    void eachAllowedSpecialSatisfiesRulesThreeAndFour(String name, String code) {
        assertTrue(CodeRule.DIGIT_OR_SPECIAL.check(code, TOTO, COMMON).satisfied());
        assertTrue(CodeRule.ALLOWED_CHARACTERS.check(code, TOTO, COMMON).satisfied());
    }

    static Stream<Arguments> refusedCharacters() {
        return Stream.of(
                Arguments.of("one accented letter", "Abcdéfg1", "Caractère non autorisé : é"),
                Arguments.of("space", "Abcd efg1", "Caractère non autorisé : espace"),
                Arguments.of("accented letter and space", "Abcdéfg 1", "Caractères non autorisés : é, espace"),
                Arguments.of("each refused character named once, in typed order", "A#bé#c é", "Caractères non autorisés : #, é, espace"),
                Arguments.of("hash and backslash", "Abc#\\1", "Caractères non autorisés : #, \\"),
                Arguments.of("quotes", "Abc\"'1", "Caractères non autorisés : \", '"),
                Arguments.of("tabulation", "Abc\tdef1", "Caractère non autorisé : tabulation"),
                Arguments.of("no-break space", "Abc\u00A0def1", "Caractère non autorisé : espace insécable"),
                Arguments.of("zero-width space", "Abc\u200Bdef1", "Caractère non autorisé : caractère invisible U+200B"),
                Arguments.of("eszett and ligature", "Straßeœ1", "Caractères non autorisés : ß, œ"),
                Arguments.of("emoji named whole", "Abcdef1😀", "Caractère non autorisé : 😀"),
                Arguments.of("all allowed: no detail", "Abcdef1!", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCharacters")
    void refusedCharactersAreNamed(String name, String code, String detail) {
        assertEquals(detail, CodeRule.ALLOWED_CHARACTERS.check(code, TOTO, COMMON).detail());
    }

    /** Each of the 8 windows of 6 consecutive characters of TOTO's NIR, inside an otherwise fine code. */
    static Stream<Arguments> nirWindows() {
        String nir = TOTO.nir().digits13();
        List<Arguments> cases = new ArrayList<>();
        for (int start = 0; start + 6 <= nir.length(); start++) {
            String window = nir.substring(start, start + 6);
            cases.add(Arguments.of("NIR characters " + (start + 1) + "–" + (start + 6) + " (" + window + ")",
                    TOTO, "Ab*" + window + "z", false));
        }
        return cases.stream();
    }

    static Stream<Arguments> personalData() {
        return Stream.of(
                Arguments.of("whole NIR", TOTO, "Ab2281231815001", false),
                Arguments.of("whole NIR with key", TOTO, "Ab228123181500110", false),
                Arguments.of("5 NIR characters are allowed", TOTO, "Ab*22812z", true),
                Arguments.of("NIR window split by a separator is allowed", TOTO, "Ab*228-123z", true),
                Arguments.of("Corsica NIR window", CORSICAN, "Ab*72A073z", false),
                Arguments.of("Corsica NIR window typed in lowercase", CORSICAN, "Ab*72a073z", false),
                Arguments.of("birth year inside the code", TOTO, "Robert*1928", false),
                Arguments.of("birth year at the start", TOTO, "1928Robert*", false),
                Arguments.of("day and month 0312", TOTO, "Robert*0312", false),
                Arguments.of("day and month 03/12", TOTO, "Robert*03/12", false),
                Arguments.of("day and month 03-12", TOTO, "Robert*03-12", false),
                Arguments.of("day and month 03.12", TOTO, "Robert*03.12", false),
                Arguments.of("DDMMYYYY 03121928", TOTO, "Ab*03121928", false),
                Arguments.of("DDMMYYYY 03/12/1928", TOTO, "Ab*03/12/1928", false),
                Arguments.of("DDMMYYYY 03-12-1928", TOTO, "Ab*03-12-1928", false),
                Arguments.of("DDMMYYYY 03.12.1928", TOTO, "Ab*03.12.1928", false),
                Arguments.of("DDMMYY 031228", TOTO, "Ab*031228", false),
                Arguments.of("DDMMYY 03/12/28", TOTO, "Ab*03/12/28", false),
                Arguments.of("DDMMYY 03-12-28", TOTO, "Ab*03-12-28", false),
                Arguments.of("DDMMYY 03.12.28", TOTO, "Ab*03.12.28", false),
                Arguments.of("YYYYMMDD 19281203", TOTO, "Ab*19281203", false),
                Arguments.of("YYYYMMDD 1928/12/03", TOTO, "Ab*1928/12/03", false),
                Arguments.of("YYYYMMDD 1928-12-03", TOTO, "Ab*1928-12-03", false),
                Arguments.of("YYYYMMDD 1928.12.03", TOTO, "Ab*1928.12.03", false),
                Arguments.of("Corsican birth year", CORSICAN, "Robert*1953", false),
                Arguments.of("Corsican day and month", CORSICAN, "Robert*14.07", false),
                Arguments.of("TOTO's date is fine for someone else", CORSICAN, "Robert*0312", true),
                Arguments.of("two-digit year alone is allowed", TOTO, "Robert*28", true),
                Arguments.of("day alone is allowed", TOTO, "Robert*03", true),
                Arguments.of("month then day (1203) is not in the list", TOTO, "Robert*1203", true),
                Arguments.of("other year", TOTO, "Robert*1929", true),
                Arguments.of("seed code", TOTO, "Robert*123_A", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"nirWindows", "personalData"})
    void personalDataInsideTheCode(String name, PersonalData data, String code, boolean satisfied) {
        RuleCheck check = CodeRule.NO_PERSONAL_DATA.check(code, data, COMMON);
        assertEquals(satisfied, check.satisfied());
        assertEquals("", check.detail());
        if (!satisfied) {
            assertEquals(List.of(true, true, true, true, false, true), satisfiedFlags(code, data),
                    "only rule 5 fails");
        }
    }

    /** Rule 6 on its own: each code meets rules 1 to 5 for its person. */
    static Stream<Arguments> commonCodes() {
        return Stream.of(
                // in the list, whatever the case
                Arguments.of("a list code in another case", TOTO, "Abc123456789", false),
                Arguments.of("a list code with digits after it", TOTO, "Password123", false),
                Arguments.of("a list code with digits and a special after it", TOTO, "Password123!", false),
                Arguments.of("a list code with specials before and a year after it", TOTO, "!!Soleil2024", false),
                Arguments.of("a list code with a special after it", TOTO, "MotDePasse!", false),
                Arguments.of("a list code of several words with a year", TOTO, "Bonjour_2023", false),
                Arguments.of("a long run of digits around a list code is not a few added", TOTO, "Soleil*83920174", true),
                Arguments.of("a list code among other words", TOTO, "Soleil*Bleu_du_Matin", true),
                Arguments.of("ending with a letter: nothing is taken off", TOTO, "Soleil*123_A", true),
                // ameli, the person's name and given names
                Arguments.of("the family name with another year", KERBRAT, "Kerbrat2024!", false),
                Arguments.of("the family name in mixed case", KERBRAT, "KerBrat_2024", false),
                Arguments.of("given name and name joined by a dot, accent left out", KERBRAT, "Maelys.Kerbrat1", false),
                Arguments.of("two given names run together", KERBRAT, "MaelysAnne_2020", false),
                Arguments.of("ameli with a year", KERBRAT, "Ameli2024!", false),
                Arguments.of("ameli and the name", KERBRAT, "Ameli!Kerbrat9", false),
                Arguments.of("a compound given name by its parts", MARTIN_DUBOIS, "Jean_Pierre1984", false),
                Arguments.of("a hyphenated name whole", MARTIN_DUBOIS, "MartinDubois69!", false),
                Arguments.of("one part of a hyphenated name", MARTIN_DUBOIS, "Dubois_2023!", false),
                Arguments.of("the seed person's name with another year", TOTO, "Toto2024!", false),
                Arguments.of("the seed person's given name and name", TOTO, "Marie.Toto", false),
                Arguments.of("Corsican given name", CORSICAN, "AngeMarie!2020", false),
                Arguments.of("the name with another word", KERBRAT, "Kerbrat*Bretagne29", true),
                Arguments.of("a longer word that begins with the name", KERBRAT, "Kerbratine2024", true),
                Arguments.of("someone else's name", TOTO, "Kerbrat2024!", true),
                // strong codes
                Arguments.of("the seed code", TOTO, "Robert*123_A", true),
                Arguments.of("two words and digits", TOTO, "Lyon*Rhone_69", true),
                Arguments.of("a city and a district", TOTO, "Marseille*13_Vieux", true),
                Arguments.of("three words", KERBRAT, "Velo!Jaune_Tram42", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonCodes")
    void tooCommonCodes(String name, PersonalData data, String code, boolean satisfied) {
        RuleCheck check = CodeRule.NOT_TOO_COMMON.check(code, data, COMMON);
        assertEquals(satisfied, check.satisfied());
        assertEquals("", check.detail());
        assertEquals(List.of(true, true, true, true, true, satisfied), satisfiedFlags(code, data),
                "rules 1 to 5 are met: only rule 6 decides");
    }

    static Stream<Arguments> evaluations() {
        return Stream.of(
                Arguments.of("seed code satisfies all", "Robert*123_A", List.of(true, true, true, true, true, true)),
                Arguments.of("empty code", "", List.of(false, false, false, true, true, true)),
                Arguments.of("null code counts as empty", null, List.of(false, false, false, true, true, true)),
                Arguments.of("too short only", "Ab1!", List.of(false, true, true, true, true, true)),
                Arguments.of("lowercase only", "robert*123", List.of(true, false, true, true, true, true)),
                Arguments.of("letters only", "RobertDupont", List.of(true, true, false, true, true, true)),
                Arguments.of("refused character only", "Robert 123", List.of(true, true, true, false, true, true)),
                Arguments.of("birth date only", "Robert*1928", List.of(true, true, true, true, false, true)),
                Arguments.of("common code only", "Password123!", List.of(true, true, true, true, true, false)),
                Arguments.of("everything wrong", "é 1928", List.of(false, false, true, false, false, true)),
                Arguments.of("a list code fails more than rule 6", "azerty", List.of(false, false, false, true, true, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evaluations")
    void evaluatesAllSixRulesInOrder(String name, String code, List<Boolean> expected) {
        List<RuleCheck> checks = policy.evaluate(code, TOTO);
        assertEquals(List.of(CodeRule.values()), checks.stream().map(RuleCheck::rule).toList());
        assertEquals(expected, satisfiedFlags(code, TOTO));
        assertEquals(!expected.contains(false), policy.isSatisfied(code, TOTO));
    }

    static Stream<Arguments> strengths() {
        return Stream.of(
                Arguments.of("seed code Robert*123_A is élevé for TOTO", "Robert*123_A", CodeStrength.ELEVE),
                Arguments.of("a failing rule is faible", "Robert*1928", CodeStrength.FAIBLE),
                Arguments.of("a common code is faible, however long and varied", "Password123!", CodeStrength.FAIBLE),
                Arguments.of("the person's name is faible, however long and varied", "Marie*Toto_2024", CodeStrength.FAIBLE),
                Arguments.of("too short is faible", "Ab1!", CodeStrength.FAIBLE),
                Arguments.of("empty is faible", "", CodeStrength.FAIBLE),
                Arguments.of("null is faible", null, CodeStrength.FAIBLE),
                Arguments.of("8 characters, 3 classes: 1 point", "Abcdefg1", CodeStrength.MOYEN),
                Arguments.of("9 characters, 4 classes: 2 points", "Abcdefg1!", CodeStrength.MOYEN),
                Arguments.of("10 characters, 3 classes: 2 points", "Abcdefghi1", CodeStrength.MOYEN),
                Arguments.of("11 characters, 3 classes: 2 points", "Abcdefghij1", CodeStrength.MOYEN),
                Arguments.of("10 characters, 4 classes: 3 points", "Abcdefgh1!", CodeStrength.ELEVE),
                Arguments.of("12 characters, 3 classes: 3 points", "Abcdefghijk1", CodeStrength.ELEVE),
                Arguments.of("12 characters, 3 classes with special: 3 points", "Abcdefghijk€", CodeStrength.ELEVE),
                Arguments.of("10 characters, 4 classes with pound sign", "Abcdefgh£1", CodeStrength.ELEVE),
                Arguments.of("50 characters, 4 classes", "Ab1!" + "x".repeat(46), CodeStrength.ELEVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strengths")
    void strength(String name, String code, CodeStrength strength) {
        assertEquals(strength, policy.strength(code, TOTO));
    }

    static Stream<Arguments> strengthLabels() {
        return Stream.of(
                Arguments.of("faible", CodeStrength.FAIBLE, "faible"),
                Arguments.of("moyen", CodeStrength.MOYEN, "moyen"),
                Arguments.of("élevé", CodeStrength.ELEVE, "élevé"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strengthLabels")
    void strengthLabel(String name, CodeStrength strength, String label) {
        assertEquals(label, strength.label());
    }

    static Stream<Arguments> confirmations() {
        return Stream.of(
                Arguments.of("same code", "Robert*123_A", "Robert*123_A", true),
                Arguments.of("case differs", "Robert*123_A", "robert*123_a", false),
                Arguments.of("trailing space", "Robert*123_A", "Robert*123_A ", false),
                Arguments.of("one character differs", "Robert*123_A", "Robert*124_A", false),
                Arguments.of("confirmation missing", "Robert*123_A", null, false),
                Arguments.of("confirmation empty", "Robert*123_A", "", false),
                Arguments.of("both empty", "", "", false),
                Arguments.of("both null", null, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confirmations")
    void confirms(String name, String code, String confirmation, boolean confirmed) {
        assertEquals(confirmed, policy.confirms(code, confirmation));
    }

    @Test
    void seedCodeIsAcceptedForToto() {
        assertTrue(policy.isSatisfied("Robert*123_A", TOTO));
        assertEquals(CodeStrength.ELEVE, policy.strength("Robert*123_A", TOTO));
        assertFalse(policy.isSatisfied("Toto*281231", TOTO), "NIR window 281231");
    }

    private List<Boolean> satisfiedFlags(String code, PersonalData data) {
        return policy.evaluate(code, data).stream().map(RuleCheck::satisfied).toList();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "NULL", value = {
            "no code typed,                 NULL,          NULL,          REJECTED",
            "a rule broken,                 Toto2024!,     Toto2024!,     REJECTED",
            "a rule broken and unconfirmed, Toto2024!,     autre,         REJECTED",
            "not the same twice,            Robert*123_A,  Robert*123_B,  NOT_CONFIRMED",
            "not typed twice,               Robert*123_A,  NULL,          NOT_CONFIRMED",
            "accepted,                      Robert*123_A,  Robert*123_A,  ACCEPTED"})
    void a_new_code_is_checked_by_its_rules_first_then_by_its_confirmation(String what, String code, String confirmation,
                                                                             CodePolicy.Verdict verdict) {
        assertEquals(verdict, new CodePolicy(COMMON).check(code, confirmation, TOTO), what);
    }
}
