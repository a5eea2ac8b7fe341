package fr.ameli.compte.application.shared;

import jakarta.ejb.ApplicationException;

/**
 * The service cannot take this work now without making the person wait long (the code hashes'
 * queue is full, or full for this client address): refused at once, so that the person gets the
 * « service très demandé, réessayez dans quelques instants » page (503, Retry-After) rather than a
 * long wait, and nothing was written. An application exception: it reaches the web layer as it is,
 * without rolling back a transaction it was not part of.
 */
@ApplicationException
public class ServiceBusy extends RuntimeException {

    public ServiceBusy(String why) {
        super(why, null, false, false);
    }
}
