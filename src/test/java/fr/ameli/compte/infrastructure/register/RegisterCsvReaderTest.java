package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.person.InsuredPerson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extract format of PRODUCT §4, row by row: what is accepted, what is rejected and why. */
class RegisterCsvReaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final byte[] KEY = "une clé de test de trente-deux octets".getBytes(StandardCharsets.UTF_8);
    /** What the register keeps of a row's IBAN and serial: their tails' keyed hashes, as the service makes them. */
    private static final java.util.function.BiFunction<fr.ameli.compte.domain.person.Iban, String, fr.ameli.compte.domain.person.ProofTails> PROOF =
            (iban, serial) -> fr.ameli.compte.domain.person.ProofTails.ofRegister(KEY, iban, serial);
    private static final String GOOD = "184127645108946;DURAND;Michel;15/12/1984;76000;Rouen;10 rue X;FR7630004000011563121910138;8250111122223333";

    private final List<InsuredPerson> accepted = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    private void read(String csv) throws IOException {
        new RegisterCsvReader(CLOCK, PROOF).read(new StringReader(csv), new RegisterCsvReader.RowHandler() {
            @Override
            public void accepted(int lineNumber, InsuredPerson person) {
                accepted.add(person);
            }

            @Override
            public void rejected(RejectedRow row) {
                rejected.add(row);
            }
        });
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("wrong NIR key", GOOD.replace("108946", "108947"), "colonne nir"),
                Arguments.of("NIR without key", GOOD.replace("184127645108946", "1841276451089"), "colonne nir"),
                Arguments.of("name with a digit", GOOD.replace("DURAND", "DUR4ND"), "colonne nom"),
                Arguments.of("empty name", GOOD.replace("DURAND", " "), "colonne nom"),
                Arguments.of("31 February", GOOD.replace("15/12/1984", "31/02/1984"), "colonne date_naissance"),
                Arguments.of("date in ISO form", GOOD.replace("15/12/1984", "1984-12-15"), "colonne date_naissance"),
                Arguments.of("birth month disagrees with the NIR", GOOD.replace("15/12/1984", "15/11/1984"), "date de naissance"),
                Arguments.of("4-digit postal code", GOOD.replace("76000", "7600"), "colonne code_postal"),
                Arguments.of("IBAN checksum wrong", GOOD.replace("910138", "910139"), "colonne iban"),
                Arguments.of("Vitale serial too short", GOOD.replace("8250111122223333", "1234"), "carte Vitale"),
                Arguments.of("Vitale serial with letters", GOOD.replace("8250111122223333", "8250ABCD22223333"), "carte Vitale"),
                Arguments.of("a column missing", GOOD.substring(0, GOOD.lastIndexOf(';')), "8 colonnes"),
                Arguments.of("a column too many", GOOD + ";extra", "10 colonnes"),
                Arguments.of("line too long", GOOD.replace("10 rue X", "x".repeat(3000)), "ligne trop longue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void a_bad_row_is_rejected_with_its_line_and_reason_and_the_next_row_still_loads(String name, String row, String reason) throws IOException {
        read(RegisterCsvReader.HEADER + "\n" + row + "\n" + GOOD.replace("DURAND", "DUPONT") + "\n");
        assertEquals(1, rejected.size(), () -> rejected.toString());
        assertEquals(2, rejected.get(0).lineNumber());
        assertTrue(rejected.get(0).reason().contains(reason), rejected.get(0).reason());
        assertEquals(1, accepted.size());
        assertEquals("DUPONT", accepted.get(0).familyName().value());
    }

    @Test
    void a_header_with_a_bom_and_blank_lines_are_accepted() throws IOException {
        read("\uFEFF" + RegisterCsvReader.HEADER + "\r\n\r\n" + GOOD + "\r\n");
        assertEquals(List.of(), rejected);
        assertEquals(1, accepted.size());
    }

    @Test
    void a_wrong_header_rejects_the_file_rather_than_mixing_up_columns() throws IOException {
        read("nom;nir;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale\n" + GOOD + "\n");
        assertEquals(1, rejected.size());
        assertEquals(1, rejected.get(0).lineNumber());
        assertTrue(accepted.isEmpty());
    }

    @Test
    void an_empty_file_is_reported() throws IOException {
        read("");
        assertEquals(1, rejected.size());
        assertTrue(accepted.isEmpty());
    }

    @Test
    void a_nir_twice_in_one_file_keeps_the_first_row_and_names_it() throws IOException {
        read(RegisterCsvReader.HEADER + "\n" + GOOD + "\n" + GOOD + "\n");
        assertEquals(1, accepted.size());
        assertEquals(List.of(new RejectedRow(3, "NIR déjà présent à la ligne 2 du fichier")), rejected);
    }

    @Test
    void the_demo_register_is_whole_valid_and_holds_the_person_of_the_seed() throws IOException {
        try (var in = getClass().getResourceAsStream(RegisterStartup.DEMO_REGISTER)) {
            new RegisterCsvReader(CLOCK, PROOF).read(new InputStreamReader(in, StandardCharsets.UTF_8), new RegisterCsvReader.RowHandler() {
                @Override
                public void accepted(int lineNumber, InsuredPerson person) {
                    accepted.add(person);
                }

                @Override
                public void rejected(RejectedRow row) {
                    rejected.add(row);
                }
            });
        }
        assertEquals(List.of(), rejected);
        assertTrue(accepted.size() >= 20, "at least 20 fictitious persons");
        InsuredPerson toto = accepted.stream().filter(p -> p.familyName().value().equals("TOTO")).findFirst().orElseThrow();
        assertEquals("228123181500110", toto.nir().fullForm());
        assertEquals("31470", toto.postalCode().value());
        assertEquals("03/12/1928", fr.ameli.compte.domain.person.BirthDate.of(toto.birthDate(), CLOCK).format());
        assertTrue(toto.isProvenBy(fr.ameli.compte.domain.person.ProofTails.ofTyped(KEY, new fr.ameli.compte.domain.person.IbanTail("3910173"),
                new fr.ameli.compte.domain.person.VitaleSerialTail("01647314244"))), "only the tails' hashes are kept, and they prove TOTO");
    }
}
