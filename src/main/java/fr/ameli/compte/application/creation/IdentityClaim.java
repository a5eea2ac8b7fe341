package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PostalCode;

import java.io.Serializable;
import java.util.Objects;

/** Who the person says they are (the wizard's identity step), already in valid value objects. */
public record IdentityClaim(Nir nir, PersonName name, BirthDate birthDate, PostalCode postalCode) implements Serializable {

    public IdentityClaim {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(postalCode, "postalCode");
    }
}
