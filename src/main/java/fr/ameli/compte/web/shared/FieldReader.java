package fr.ameli.compte.web.shared;

import fr.ameli.compte.domain.shared.InvalidValueException;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads what a person typed in one form into domain values: each field is parsed by its value
 * object, and a field that is missing or refused gets its French message at the field (client id
 * {@code form:field}). The form objects use it; no page bean parses a field another way.
 */
public final class FieldReader {

    static final String YES = "oui";
    static final String NO = "non";

    private final PageMessages messages;
    private final String form;

    public FieldReader(PageMessages messages, String form) {
        this.messages = messages;
        this.form = form;
    }

    /** A mandatory field: its value, or a message (« obligatoire », or the value object's refusal). */
    public <T> Optional<T> required(String field, String typed, Function<String, T> parser) {
        if (typed == null || typed.isBlank()) {
            error(field, "wizard.required");
            return Optional.empty();
        }
        return parsed(field, typed, parser);
    }

    /** An optional field: empty when left blank, else as a mandatory one. */
    <T> Optional<T> optional(String field, String typed, Function<String, T> parser) {
        return typed == null || typed.isBlank() ? Optional.empty() : parsed(field, typed, parser);
    }

    /** A field that must not be empty but is not parsed here (a code: its rules are checked apart). */
    public boolean present(String field, String typed) {
        return present(field, typed, "wizard.required");
    }

    /** The same, with a message of its own when it is empty (the login page says what to type). */
    public boolean present(String field, String typed, String missingKey) {
        if (typed == null || typed.isEmpty()) {
            error(field, missingKey);
            return false;
        }
        return true;
    }

    /** A Oui/Non question; when {@code required} and unanswered, the message of {@code missingKey}. */
    public Optional<Boolean> choice(String field, String value, boolean required, String missingKey) {
        if (YES.equals(value)) {
            return Optional.of(true);
        }
        if (NO.equals(value)) {
            return Optional.of(false);
        }
        if (required) {
            error(field, missingKey);
        }
        return Optional.empty();
    }

    public void error(String field, String key) {
        messages.errorKey(clientId(field), key);
    }

    public void errorText(String field, String text) {
        messages.error(clientId(field), text);
    }

    public String clientId(String field) {
        return form + ":" + field;
    }

    private <T> Optional<T> parsed(String field, String typed, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(typed));
        } catch (InvalidValueException e) {
            errorText(field, e.getMessage());
            return Optional.empty();
        }
    }
}
