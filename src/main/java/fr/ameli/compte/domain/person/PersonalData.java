package fr.ameli.compte.domain.person;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the code personnel must not contain or be made of (PRODUCT §2.5, rules 5 and 6). Why: the
 * policy needs the identity of the person choosing the code, as the register holds it, and
 * nothing more.
 *
 * @param familyName the register's name
 * @param givenNames the register's given names, as it writes them ("Jean-Pierre", "Marie Louise");
 *                   null when the register has none
 */
public record PersonalData(Nir nir, LocalDate birthDate, PersonName familyName, String givenNames)
        implements java.io.Serializable {

    public PersonalData {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(familyName, "familyName");
    }
}
