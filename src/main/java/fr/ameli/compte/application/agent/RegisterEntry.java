package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.time.LocalDate;

/** What the register says of the person: never the IBAN or the Vitale serial. */
public record RegisterEntry(String familyName, String givenNames, LocalDate birthDate, String postalCode, String commune)
        implements Serializable {
}
