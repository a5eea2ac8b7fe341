package fr.ameli.compte.domain.code;

/**
 * The character classes the code rules and the strength level talk about. Why: rules 2, 3, 4 and
 * the strength must agree on what a lowercase letter or a special character is; each class is
 * defined once, here. Characters are Unicode code points.
 */
final class CodeCharacters {

    /** The only specials allowed (PRODUCT §2.5, rule 4), chosen to be typeable on public kiosks. */
    static final String ALLOWED_SPECIALS = "?!$€£@&(-+_)=*%/<>,.;";

    private CodeCharacters() {
    }

    static boolean isLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Neither a letter, a digit, a space nor an invisible character. Counts for rule 3 even when
     * rule 4 refuses it, so that each rule reports its own concern.
     */
    static boolean isSpecial(int c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT;
    }

    static boolean isAllowed(int c) {
        return isLower(c) || isUpper(c) || isDigit(c) || ALLOWED_SPECIALS.indexOf(c) >= 0;
    }

    /** How a refused character is named to the user: itself, or a word when it cannot be seen. */
    static String nameOf(int c) {
        return switch (c) {
            case ' ' -> "espace";
            case '\t' -> "tabulation";
            case '\u00A0', '\u202F' -> "espace insécable";
            default -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    ? String.format("caractère invisible U+%04X", c)
                    : Character.toString(c);
        };
    }
}
