package fr.ameli.compte.application.shared;

/**
 * The service's French words, as the pages say them (messages.properties): what the service writes
 * for a person outside a page — the data export — says things the same way, from the same place.
 */
public interface Words {

    /** The words of {@code key}; fails if there are none (a missing key is a defect, not a blank). */
    String of(String key);
}
