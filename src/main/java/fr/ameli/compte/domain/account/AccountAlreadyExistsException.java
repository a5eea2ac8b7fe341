package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;

/** A second account was about to be created for a NIR that has one. */
public class AccountAlreadyExistsException extends RuntimeException {

    public AccountAlreadyExistsException(Nir nir) {
        super("An account already exists for NIR " + nir.digits13().substring(0, 3) + "…");
    }
}
