package fr.ameli.compte.domain.agent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the caisse's staff in the espace agent (PRODUCT §2.12), as the organisation's
 * identity provider names them in a claim of its token: {@code agent} and {@code superviseur}.
 */
public enum AgentRole {
    AGENT("agent"),
    SUPERVISEUR("superviseur");

    private final String group;

    AgentRole(String group) {
        this.group = group;
    }

    /** The name of the role in the token's claim, and of the Jakarta Security group (web.xml). */
    public String group() {
        return group;
    }

    /** The role a claim's value names, if any (case and surrounding spaces ignored). */
    public static Optional<AgentRole> ofGroup(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.group.equalsIgnoreCase(value.strip())).findFirst();
    }
}
