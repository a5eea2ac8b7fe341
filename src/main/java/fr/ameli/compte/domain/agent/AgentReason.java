package fr.ameli.compte.domain.agent;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.io.Serial;
import java.io.Serializable;

/**
 * Why an agent looks at a person or acts for them (PRODUCT §2.12), as the agent typed it:
 * written in the audit trail with the look-up or the action. Required; spaces around it and
 * repeated inside are dropped; 5 to {@value #MAX} characters, so that « ok » is not a reason.
 */
public record AgentReason(String text) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int MIN = 5;
    public static final int MAX = 300;

    public AgentReason {
        String cleaned = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (cleaned.length() < MIN) {
            throw new InvalidValueException("Indiquez le motif en quelques mots (au moins " + MIN + " caractères), par exemple « appel de l'assuré ».");
        }
        if (cleaned.length() > MAX) {
            throw new InvalidValueException("Le motif est trop long : " + MAX + " caractères au plus.");
        }
        text = cleaned;
    }

    @Override
    public String toString() {
        return text;
    }
}
