package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.code.CodeStrength;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PersonalData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jol.info.GraphLayout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list shipped in the WAR, as the service loads it, and the code policy that uses it. */
class CommonCodesListTest {

    private static final PersonalData TOTO = new PersonalData(new Nir("2281231815001"), LocalDate.of(1928, 12, 3),
            new PersonName("TOTO"), "Marie");
    private static CommonCodesList list;

    @BeforeAll
    static void load() {
        list = new CommonCodesList();
        list.load();
    }

    @Test
    void the_100000_most_common_passwords_are_loaded_ignoring_case() {
        // 100,000 lines; 3,482 of them differ from another one only by case.
        assertEquals(96_518, list.size());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"123456, true", "password, true", "azerty, true", "motdepasse, true", "soleil, true", "robert, true",
            "password1, true", "p@ssw0rd, true", "robert*123_a, false", "marseille*13_vieux, false", "'', false"})
    void knows_the_common_passwords(String code, boolean common) {
        assertEquals(common, list.contains(code));
    }

    /** The service reads the list in the background as it starts; a person typing a code before it is read waits. */
    @Test
    void a_look_up_before_the_list_is_read_waits_for_it() throws Exception {
        List<Runnable> reading = new CopyOnWriteArrayList<>();
        CommonCodesList starting = new CommonCodesList();
        starting.loadWith(reading::add);
        CompletableFuture<Boolean> lookUp = CompletableFuture.supplyAsync(() -> starting.contains("azerty"));
        assertThrows(TimeoutException.class, () -> lookUp.get(300, TimeUnit.MILLISECONDS));
        assertEquals(1, reading.size());
        reading.get(0).run();
        assertTrue(lookUp.get(30, TimeUnit.SECONDS));
    }

    @Test
    void lines_are_compared_in_lowercase_once_each() throws IOException {
        long[] hashes = CommonCodesList.read(new ByteArrayInputStream("Soleil\nsoleil\n\nSOLEIL\nazerty\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, hashes.length);
    }

    /** Every code the tests type as a good one, for any person, stays allowed with the real list. */
    @ParameterizedTest
    @CsvSource({"Robert*123_A", "Marseille*13_Vieux", "Roubaix*Nord_1", "Roubaix*Nord_2", "Lille*Nord_59", "Alsace*Rhin_67",
            "Lyon*Rhone_69", "Lyon*Rhone_70", "Robert*123_B"})
    void the_codes_the_tests_choose_are_allowed(String code) {
        CodePolicy policy = new CodePolicy(list);
        assertAll(
                () -> assertTrue(policy.isSatisfied(code, TOTO)),
                () -> assertEquals(CodeStrength.ELEVE, policy.strength(code, TOTO)));
    }

    @ParameterizedTest
    @CsvSource({"Password123!", "Azerty2024!", "Soleil*1234", "Motdepasse1", "Robert*1929", "Dragon!!42"})
    void common_passwords_with_a_few_digits_or_specials_are_refused(String code) {
        CodePolicy policy = new CodePolicy(list);
        assertAll(
                () -> assertFalse(policy.isSatisfied(code, TOTO)),
                () -> assertEquals(CodeStrength.FAIBLE, policy.strength(code, TOTO)));
    }

    /** The heap the list takes (BENCHMARKS « Common codes list »): one long a distinct entry. */
    @Test
    void the_list_takes_less_than_a_megabyte() {
        long bytes = GraphLayout.parseInstance(list).totalSize();
        System.out.println("Common codes list: " + list.size() + " entries, " + bytes + " bytes of heap (JOL)");
        assertTrue(bytes < 1_000_000, bytes + " bytes");
    }
}
