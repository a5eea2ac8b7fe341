package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address the activation link and the account's messages go to. Why: a pragmatic check
 * (not full RFC 5322) catches the typing mistakes people make, without refusing real addresses;
 * the domain is lowercased because it is case-insensitive, the local part is kept as typed.
 */
public record EmailAddress(String value) implements java.io.Serializable {

    public static final int MAX_LENGTH = 254;
    static final String INVALID_MESSAGE = "L'adresse email n'est pas valide : elle doit être de la forme nom@domaine.fr, par exemple josette.dupont@exemple.fr.";

    /** Dot-separated atoms of the usual characters: no leading, trailing or double dot. */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** Labels of letters, digits and inner hyphens; at least one dot; the last label starts with a letter. */
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("L'adresse email est obligatoire.");
        }
        value = value.strip();
        int at = value.indexOf('@');
        if (value.length() > MAX_LENGTH || at < 1 || at != value.lastIndexOf('@') || at > 64) {
            throw new InvalidValueException(INVALID_MESSAGE);
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL_PART.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            throw new InvalidValueException(INVALID_MESSAGE);
        }
        value = local + "@" + domain;
    }

    @Override
    public String toString() {
        return value;
    }

    /** « m•••@exemple.fr »: enough for the person to recognise the address, little for anyone else (a page, a mail to the old address). */
    public String masked() {
        int at = value.indexOf('@');
        return at <= 0 ? "•••" : value.charAt(0) + "•••" + value.substring(at);
    }
}
