package fr.ameli.compte.domain.code;

import java.util.Objects;

/**
 * The outcome of one code rule for one code. Why: the page shows each rule with its own check
 * mark, and the refused characters (rule 4) need to be named, so a boolean is not enough.
 *
 * @param detail what to add to the rule's label, e.g. « Caractère non autorisé : é, espace »;
 *               empty when there is nothing to add
 */
public record RuleCheck(CodeRule rule, boolean satisfied, String detail) {

    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        detail = detail == null ? "" : detail;
    }

    static RuleCheck of(CodeRule rule, boolean satisfied) {
        return new RuleCheck(rule, satisfied, "");
    }
}
