package fr.ameli.compte.domain.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who a FranceConnect identity is in the register (PRODUCT §2.10): exactly, field by field — the
 * homonyms the loose rule let in (a given name's prefix, a missing given name, another gender, another
 * birthplace) must not match.
 */
class PivotIdentityTest {

    private static final ProofTails PROOF = ProofTails.ofRegister(new byte[32], new Iban("FR7620041010160000433910173"), "01647314244");

    /** A register entry: NIR (13 characters, spaces allowed), family name, given names (- for none), birth date. */
    private static InsuredPerson person(String nir, String familyName, String givenNames, String birthDate) {
        return new InsuredPerson(Nir.parse(nir), new PersonName(familyName), givenNames, LocalDate.parse(birthDate),
                new PostalCode("31000"), "Toulouse", null, PROOF);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                                   | register: NIR        | name     | given names       | born       | FranceConnect: given names | family name | born       | gender | place | country | match
            "the owner                                | 1 85 03 31 555 123 | MARTIN   | Jean-Michel       | 1985-03-14 | Jean-Michel           | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | true",
            "the owner, several given names           | 1 85 03 31 555 123 | MARTIN   | Jean-Michel Paul  | 1985-03-14 | Jean-Michel Paul Louis| Martin    | 1985-03-14 | male   | 31555 | 99100 | true",
            "accents, case, hyphens of the family name| 2 51 11 75 115 042 | LEFEVRE  | Hélène            | 1951-11-02 | HELENE                | Le Fèvre  | 1951-11-02 | female | 75115 | 99100 | true",
            "« Jean » is not « Jean-Michel »          | 1 85 03 31 555 123 | MARTIN   | Jean-Michel       | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | false",
            "« Jeanne » is not « Jean »               | 2 85 03 31 555 124 | MARTIN   | Jean              | 1985-03-14 | Jeanne                | MARTIN    | 1985-03-14 | female | 31555 | 99100 | false",
            "the second given name is not the first   | 1 85 03 31 555 123 | MARTIN   | Paul Jean         | 1985-03-14 | Jean Paul             | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | false",
            "FranceConnect gives no given name        | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | -                     | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | false",
            "the register has no given name           | 1 85 03 31 555 123 | MARTIN   | -                 | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | false",
            "another gender                           | 1 85 03 31 555 123 | MARTIN   | Dominique         | 1985-03-14 | Dominique             | MARTIN    | 1985-03-14 | female | 31555 | 99100 | false",
            "no gender                                | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | -      | 31555 | 99100 | false",
            "another birthplace                       | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | 31069 | 99100 | false",
            "no birthplace                            | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | -     | 99100 | false",
            "another birth date, the same month       | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-15 | male   | 31555 | 99100 | false",
            "another family name                      | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTINEZ  | 1985-03-14 | male   | 31555 | 99100 | false",
            "born abroad, the country of the NIR      | 1 75 02 99 352 010 | BENALI   | Karim             | 1975-02-08 | Karim                 | BENALI    | 1975-02-08 | male   | -     | 99352 | true",
            "born abroad, another country             | 1 75 02 99 352 010 | BENALI   | Karim             | 1975-02-08 | Karim                 | BENALI    | 1975-02-08 | male   | -     | 99350 | false",
            "born in France, said born abroad         | 1 85 03 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | -     | 99352 | false",
            "Corsica, a NIR of after 1976 (2A)        | 1 80 05 2A 004 017 | SANTONI  | Paul              | 1980-05-19 | Paul                  | SANTONI   | 1980-05-19 | male   | 2A004 | 99100 | true",
            "Corsica, a NIR of before 1976 (20)       | 1 60 05 20 004 017 | SANTONI  | Paul              | 1960-05-19 | Paul                  | SANTONI   | 1960-05-19 | male   | 2A004 | 99100 | true",
            "Corsica, the other department            | 1 80 05 2A 004 017 | SANTONI  | Paul              | 1980-05-19 | Paul                  | SANTONI   | 1980-05-19 | male   | 2B004 | 99100 | false",
            "overseas (La Réunion)                    | 2 90 07 97 411 005 | PAYET    | Marie             | 1990-07-01 | Marie                 | PAYET     | 1990-07-01 | female | 97411 | 99100 | true",
            "overseas, another commune                | 2 90 07 97 411 005 | PAYET    | Marie             | 1990-07-01 | Marie                 | PAYET     | 1990-07-01 | female | 97415 | 99100 | false",
            "a NIR whose birth month is unknown       | 1 85 30 31 555 123 | MARTIN   | Jean              | 1985-03-14 | Jean                  | MARTIN    | 1985-03-14 | male   | 31555 | 99100 | false",
    })
    void a_register_entry_is_the_person_only_when_every_field_is_the_same(
            String name, String nir, String familyName, String givenNames, String born,
            String fcGivenNames, String fcFamilyName, String fcBorn, String gender, String place, String country, boolean match) {
        PivotIdentity identity = new PivotIdentity(fcGivenNames, fcFamilyName, LocalDate.parse(fcBorn), gender, place, country);
        assertEquals(match, identity.matches(person(nir, familyName, givenNames, born)), name);
    }

    @Test
    void the_register_is_read_by_the_nir_s_first_ten_characters() {
        assertEquals(List.of("1850331555"), new PivotIdentity("Jean", "MARTIN", LocalDate.of(1985, 3, 14), "male", "31555", "99100").nirPrefixes());
        assertEquals(List.of("2751099352"), new PivotIdentity("Aïcha", "BENALI", LocalDate.of(1975, 10, 8), "female", null, "99352").nirPrefixes());
        assertEquals(List.of("16005" + "2A004", "16005" + "20004"),
                new PivotIdentity("Paul", "SANTONI", LocalDate.of(1960, 5, 19), "male", "2a004", "99100").nirPrefixes(),
                "a NIR given before 1976 says 20 for Corsica");
        assertEquals(List.of(), new PivotIdentity("Jean", "MARTIN", LocalDate.of(1985, 3, 14), "male", "Toulouse", "99100").nirPrefixes(),
                "not an INSEE code: no match is possible");
        assertEquals(List.of(), new PivotIdentity("Jean", "MARTIN", null, "male", "31555", "99100").nirPrefixes());
    }
}
