package fr.ameli.compte.domain.shared;

/**
 * Thrown by a value object that refuses what it was given. Why: the message is already the
 * French sentence to show the user, so the web layer displays {@link #getMessage()} as is and
 * no layer has to translate or re-explain a rule it does not own.
 */
public class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String frenchMessage) {
        super(frenchMessage);
    }
}
