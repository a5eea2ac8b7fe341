package fr.ameli.compte.domain.agent;

import fr.ameli.compte.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reason an agent gives for a look-up or an action (PRODUCT §2.12): required, 5 to 300 characters, spaces tidied. */
class AgentReasonTest {

    private static final String TOO_SHORT = "Indiquez le motif en quelques mots (au moins 5 caractères), par exemple « appel de l'assuré ».";
    private static final String TOO_LONG = "Le motif est trop long : 300 caractères au plus.";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a reason", "appel de l'assuré", "appel de l'assuré", null),
                Arguments.of("spaces around dropped", "  accueil mairie \t", "accueil mairie", null),
                Arguments.of("repeated spaces inside made one", "appel   de\n l'assuré", "appel de l'assuré", null),
                Arguments.of("exactly 5 characters", "appel", "appel", null),
                Arguments.of("exactly 300 characters", "m".repeat(300), "m".repeat(300), null),
                Arguments.of("300 once the spaces are tidied", "  " + "m".repeat(300) + "  ", "m".repeat(300), null),
                Arguments.of("null", null, null, TOO_SHORT),
                Arguments.of("empty", "", null, TOO_SHORT),
                Arguments.of("blank", "      ", null, TOO_SHORT),
                Arguments.of("« ok »", "ok", null, TOO_SHORT),
                Arguments.of("3 characters once tidied", "  a    b ", null, TOO_SHORT),
                Arguments.of("301 characters", "m".repeat(301), null, TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reason(String name, String typed, String kept, String message) {
        if (message == null) {
            assertEquals(kept, new AgentReason(typed).text());
            assertEquals(kept, new AgentReason(typed).toString());
        } else {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new AgentReason(typed));
            assertEquals(message, e.getMessage());
        }
    }
}
