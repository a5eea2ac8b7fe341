package fr.ameli.compte.web.shared;

import fr.ameli.compte.domain.account.EmailAddress;

import java.util.Optional;

/**
 * An email address typed twice, read the same way wherever it is asked (the wizard's contact step,
 * PRODUCT §2.6, and « Modifier mon adresse email », §2.11): fields {@value #FIELD} and
 * {@value #CONFIRMATION} of the form, each read by {@link EmailAddress}, then compared; the same
 * French messages at the same fields.
 */
public final class EmailTwice {

    public static final String FIELD = "email";
    static final String CONFIRMATION = "emailConfirmation";

    /** The address, and its confirmation as typed (a service may compare them again). */
    public record Read(EmailAddress email, EmailAddress confirmation) {
    }

    private EmailTwice() {
    }

    /** Both addresses, or empty with a message at each field that is missing, refused, or not the same. */
    public static Optional<Read> read(FieldReader fields, String email, String confirmation) {
        Optional<EmailAddress> e = fields.required(FIELD, email, EmailAddress::new);
        Optional<EmailAddress> c = fields.required(CONFIRMATION, confirmation, EmailAddress::new);
        if (e.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        if (!e.equals(c)) {
            notConfirmed(fields);
            return Optional.empty();
        }
        return Optional.of(new Read(e.get(), c.get()));
    }

    /** « Les deux adresses email saisies ne sont pas identiques. », at the confirmation. */
    public static void notConfirmed(FieldReader fields) {
        fields.error(CONFIRMATION, "contact.emailNotConfirmed");
    }
}
