package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer to « J'accepte les conditions d'utilisation » (PRODUCT §2.4): form {@code conditions}.
 * Refusing means no account: the page then says so and offers to review the terms or leave.
 */
public class TermsForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String FORM = "conditions";

    private String choice;
    private boolean refused;
    private Instant acceptedAt;

    /** Reads the answer given at {@code now}; false (with a message) when there is none. */
    boolean answer(PageMessages messages, Instant now) {
        Optional<Boolean> accepted = new FieldReader(messages, FORM).choice("choix", choice, true, "terms.choiceRequired");
        accepted.ifPresent(yes -> {
            refused = !yes;
            acceptedAt = yes ? now : null;
        });
        return accepted.isPresent();
    }

    /** « Revoir les conditions » after a refusal: the question is asked again, unanswered. */
    void review() {
        refused = false;
        choice = null;
    }

    /** When the terms were accepted, or null. */
    Instant acceptedAt() {
        return acceptedAt;
    }

    public boolean isRefused() { return refused; }
    public String getChoice() { return choice; }
    public void setChoice(String choice) { this.choice = choice; }
}
