package fr.ameli.compte.domain.code;

import java.io.Serializable;

/**
 * The list of the most common passwords that rule 6 refuses (PRODUCT §2.5). Why an interface: the
 * list is a resource read once at start-up by the infrastructure; the domain only asks whether a
 * candidate is in it, and does no I/O.
 *
 * <p>Serializable because a page keeps its {@link CodePolicy} in the session: what the container
 * hands out is a reference to its one list (a proxy), never the list itself.
 */
@FunctionalInterface
public interface CommonCodes extends Serializable {

    /** Whether {@code lowercase} (a candidate already in lowercase, {@code Locale.ROOT}) is in the list. */
    boolean contains(String lowercase);
}
