package fr.ameli.compte.domain.code;

import fr.ameli.compte.domain.person.PersonalData;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * Decides whether a code personnel may be chosen, and how strong it looks. Why: the page checks
 * the rules live, but the server must decide again whatever the browser did; both call this one
 * class, which only combines the {@link CodeRule}s and scores the strength.
 *
 * <p>It holds the list of common codes it checks against (rule 6), which the infrastructure loads
 * once; a page keeps its policy in the session, hence Serializable.
 */
public final class CodePolicy implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CommonCodes commonCodes;

    public CodePolicy(CommonCodes commonCodes) {
        this.commonCodes = Objects.requireNonNull(commonCodes, "commonCodes");
    }

    /** All six rules, in the order of the page. */
    public List<RuleCheck> evaluate(String code, PersonalData data) {
        Objects.requireNonNull(data, "data");
        return Arrays.stream(CodeRule.values()).map(rule -> rule.check(code, data, commonCodes)).toList();
    }

    public boolean isSatisfied(String code, PersonalData data) {
        return evaluate(code, data).stream().allMatch(RuleCheck::satisfied);
    }

    /**
     * FAIBLE when a rule fails. Otherwise points: length ≥ 12 → 2, ≥ 10 → 1; classes present among
     * lowercase, uppercase, digit, special: 4 → 2, 3 → 1. Total ≥ 3 → ÉLEVÉ, ≥ 1 → MOYEN, else FAIBLE.
     */
    public CodeStrength strength(String code, PersonalData data) {
        if (!isSatisfied(code, data)) {
            return CodeStrength.FAIBLE;
        }
        int length = code.codePointCount(0, code.length());
        int lengthPoints = length >= 12 ? 2 : length >= 10 ? 1 : 0;
        long classes = Stream.<IntPredicate>of(CodeCharacters::isLower, CodeCharacters::isUpper,
                        CodeCharacters::isDigit, CodeCharacters::isSpecial)
                .filter(characterClass -> code.codePoints().anyMatch(characterClass))
                .count();
        int classPoints = classes == 4 ? 2 : classes == 3 ? 1 : 0;
        int points = lengthPoints + classPoints;
        return points >= 3 ? CodeStrength.ELEVE : points >= 1 ? CodeStrength.MOYEN : CodeStrength.FAIBLE;
    }

    /** The confirmation is the same code, character for character; an empty code confirms nothing. */
    public boolean confirms(String code, String confirmation) {
        return code != null && !code.isEmpty() && code.equals(confirmation);
    }

    /** What a page that sets a code (the wizard, « Code oublié ? », « Mon espace ») says of it. */
    public enum Verdict { ACCEPTED, REJECTED, NOT_CONFIRMED }

    /** A new code and its confirmation, checked the one way: the six rules first, then the confirmation. */
    public Verdict check(String code, String confirmation, PersonalData data) {
        if (code == null || !isSatisfied(code, data)) {
            return Verdict.REJECTED;
        }
        return confirms(code, confirmation) ? Verdict.ACCEPTED : Verdict.NOT_CONFIRMED;
    }
}
