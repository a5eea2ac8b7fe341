package fr.ameli.compte.domain.code;

/**
 * The « Niveau indicatif de sécurité » shown while the code is typed. Why: an indication for the
 * user, computed by {@link CodePolicy#strength}; the French word is its label.
 */
public enum CodeStrength {
    FAIBLE("faible"),
    MOYEN("moyen"),
    ELEVE("élevé");

    private final String label;

    CodeStrength(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
