package fr.ameli.compte.infrastructure.letters;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The listing of letters to print is opened by the operators in a spreadsheet: a register value that
 * would run there as a formula (OWASP « CSV injection ») is written as text.
 */
class FileLetterOutboxTest {

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("Bordeaux", "Bordeaux"),
                arguments("Saint-Étienne", "Saint-Étienne"),
                arguments("=HYPERLINK(\"http://evil.example\",\"clic\")", "'=HYPERLINK(\"http://evil.example\",\"clic\")"),
                arguments("+33 1 23", "'+33 1 23"),
                arguments("-2+3", "'-2+3"),
                arguments("@SUM(A1:A2)", "'@SUM(A1:A2)"),
                arguments("\t=1+1", "'\t=1+1"),
                arguments("Lille;=1+1", "Lille =1+1"),
                arguments("Lille\n=1+1", "Lille =1+1"),
                arguments(null, ""));
    }

    @ParameterizedTest(name = "« {0} » → « {1} »")
    @MethodSource("values")
    void a_value_that_a_spreadsheet_would_run_is_written_as_text(String value, String cell) {
        assertEquals(cell, FileLetterOutbox.spreadsheetSafe(value));
    }
}
