package fr.ameli.compte.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the code personnel must not contain (SPEC §2.5, rule 5). Why: the policy needs the
 * verified identity of the person choosing the code, and nothing more.
 */
public record PersonalData(Nir nir, LocalDate birthDate) implements java.io.Serializable {

    public PersonalData {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(birthDate, "birthDate");
    }
}
