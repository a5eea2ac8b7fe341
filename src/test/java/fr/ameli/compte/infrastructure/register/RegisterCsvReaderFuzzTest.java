package fr.ameli.compte.infrastructure.register;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.ameli.compte.Fuzzing;
import fr.ameli.compte.domain.person.InsuredPerson;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A register extract as an operator could hand it over (PRODUCT §4): rows made of real values and
 * fuzzed ones, any line ends, any bytes after them. The reader never throws (only an unreadable
 * source could, with an IOException); every row it reports has a line number after the previous
 * one and a reason when rejected; no NIR is accepted twice.
 */
@ExtendWith(Fuzzing.class)
class RegisterCsvReaderFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneId.of("Europe/Paris"));
    /** A real row per column (DURAND of registre-extrait.csv): a fuzzed row takes each column from here or from the fuzzer. */
    private static final String[] REAL = "184127645108946;DURAND;Michel;15/12/1984;76000;Rouen;10 rue du Gros-Horloge;FR7630004000011563121910138;8250111122223333"
            .split(";");
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @FuzzTest(maxDuration = "4s")
    void anExtract(FuzzedDataProvider data) throws IOException {
        StringBuilder extract = new StringBuilder(data.consumeBoolean() ? RegisterCsvReader.HEADER : data.consumeString(100));
        int rows = data.consumeInt(0, 5);
        for (int row = 0; row < rows; row++) {
            extract.append(data.pickValue(LINE_ENDS));
            for (int column = 0; column < REAL.length; column++) {
                if (column > 0) {
                    extract.append(';');
                }
                extract.append(data.consumeBoolean() ? REAL[column] : data.consumeString(40));
            }
        }
        extract.append(data.consumeRemainingAsString());

        List<Integer> lines = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        Fuzzing.tried();
        new RegisterCsvReader(CLOCK, (iban, serial) -> fr.ameli.compte.domain.person.ProofTails.ofRegister(new byte[32], iban, serial)).read(new StringReader(extract.toString()), new RegisterCsvReader.RowHandler() {
            @Override
            public void accepted(int lineNumber, InsuredPerson person) {
                lines.add(lineNumber);
                assertTrue(accepted.add(person.nir().fullForm()), "a NIR accepted twice");
            }

            @Override
            public void rejected(RejectedRow row) {
                lines.add(row.lineNumber());
                assertFalse(row.reason() == null || row.reason().isBlank(), "a row rejected without a reason");
            }
        });
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i) >= 1 && (i == 0 || lines.get(i) > lines.get(i - 1)), "line numbers " + lines);
        }
    }
}
