package fr.ameli.compte.application;

import java.io.Serializable;
import java.time.LocalDate;

/** The identity FranceConnect vouches for: given names, family name, birth date. */
public record FranceConnectIdentity(String givenNames, String familyName, LocalDate birthDate) implements Serializable {
}
