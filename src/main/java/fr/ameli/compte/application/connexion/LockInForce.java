package fr.ameli.compte.application.connexion;

import java.io.Serializable;
import java.time.Instant;

/**
 * A lock in force on a NIR's logins or proofs ({@link LoginLocks#inForce}): where the failures came
 * from and until when. The words for it are the page's (messages.properties, {@code agent.file.lock.*}).
 *
 * @param detail the address, or the remembered browser's description; null for the places without one
 */
public record LockInForce(Place place, String detail, Instant until) implements Serializable {

    public enum Place {
        /** Logins from one client address. */
        ADDRESS,
        /** Security codes from one client address. */
        ADDRESS_SECURITY_CODE,
        /** Logins from one remembered browser. */
        REMEMBERED_BROWSER,
        /** Logins from an address or browser no longer known (its events are older than the file's). */
        OTHER_LOGIN,
        /** Security codes from an address no longer known. */
        OTHER_SECURITY_CODE,
        /** Every browser that is not remembered, past the NIR's daily ceiling of failures. */
        DAILY_CEILING,
        /** The wizard's verification step (account creation). */
        PROOF
    }
}
