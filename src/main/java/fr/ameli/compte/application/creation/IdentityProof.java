package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.person.VitaleSerialTail;

import java.io.Serializable;
import java.util.Objects;

/** What proves the claim (the wizard's verification step): the tails of the IBAN and of the carte Vitale serial. */
public record IdentityProof(IbanTail ibanTail, VitaleSerialTail vitaleSerialTail) implements Serializable {

    public IdentityProof {
        Objects.requireNonNull(ibanTail, "ibanTail");
        Objects.requireNonNull(vitaleSerialTail, "vitaleSerialTail");
    }
}
