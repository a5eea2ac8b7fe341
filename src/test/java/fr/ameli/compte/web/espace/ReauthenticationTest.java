package fr.ameli.compte.web.espace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code personnel asked again before a sensitive change (PRODUCT §2.11), on a page whose form is {@code donnees}. */
class ReauthenticationTest {

    private static final String FIELD = "donnees:codeActuel";

    @ParameterizedTest(name = "logged in {0} ago: the email change asks the code all the same")
    @CsvSource(nullValues = "-", value = {"PT0S", "PT9M59S", "PT2H", "-"})
    void the_email_change_asks_the_code_every_time(Duration ago) {
        SpaceFixture f = new SpaceFixture().loggedIn(ago);
        assertTrue(f.reauthentication.isNeeded(Reauthentication.When.ALWAYS));
        assertFalse(f.reauthentication.confirmed(f.messages, EmailChangePage.FORM, Reauthentication.When.ALWAYS), "nothing typed");
    }

    @ParameterizedTest(name = "logged in {0} ago: asked again {1}")
    @CsvSource(nullValues = "-", value = {"PT0S, false", "PT9M59S, false", "PT10M, true", "PT2H, true", "-, true"})
    void the_code_is_asked_again_once_the_login_is_ten_minutes_old(Duration ago, boolean needed) {
        SpaceFixture f = new SpaceFixture().loggedIn(ago);
        assertEquals(needed, f.reauthentication.isNeeded());
        if (!needed) {
            assertTrue(f.reauthentication.confirmed(f.messages, MyDataPage.FORM, Reauthentication.When.AFTER_A_WHILE), "nothing to type");
            assertEquals(List.of(), f.codesChecked, "no code checked");
        }
    }

    @ParameterizedTest(name = "code {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Robert*123_A | -",
            "Robert*123_B | Ce code personnel n'est pas le bon.",
            "''           | Saisissez votre code personnel actuel.",
    })
    void a_right_code_makes_the_login_fresh_and_a_wrong_one_is_said_at_the_field(String code, String message) {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(30));
        f.reauthentication.setCurrentCode(code);
        boolean confirmed = f.reauthentication.confirmed(f.messages, MyDataPage.FORM, Reauthentication.When.AFTER_A_WHILE);
        assertAll(
                () -> assertEquals(message == null, confirmed),
                () -> assertEquals(message == null ? List.of() : List.of(message), f.messages.at(FIELD)),
                () -> assertEquals(message == null ? List.of() : List.of(FIELD), f.messages.fields()),
                () -> assertEquals(code.isEmpty() ? List.of() : List.of(SpaceFixture.CALLER + " " + code), f.codesChecked,
                        "the code of the session's caller, checked as at login"),
                () -> assertEquals(message == null ? SpaceFixture.CLOCK.instant() : SpaceFixture.CLOCK.instant().minus(Duration.ofMinutes(30)),
                        f.provenAt(), "only a right code refreshes the login"),
                () -> assertEquals(message != null, f.reauthentication.isNeeded()));
    }

    @Test
    void a_locked_device_is_told_until_when_at_the_field() {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(30));
        f.locked = true;
        f.reauthentication.setCurrentCode(SpaceFixture.RIGHT_CODE);
        assertFalse(f.reauthentication.confirmed(f.messages, MyDataPage.FORM, Reauthentication.When.AFTER_A_WHILE));
        assertEquals(List.of("Par sécurité, après plusieurs codes erronés, votre code personnel ne peut plus être vérifié depuis cet appareil. "
                + "Vous pourrez réessayer à partir du 1 décembre 2026 à 11h15, ou choisir un nouveau code avec « Code oublié ? »."), f.messages.at(FIELD));
    }

    @Test
    void a_page_shown_without_the_field_is_told_at_the_top_to_type_the_code() {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(11));
        assertFalse(f.reauthentication.typed(f.messages, MyDataPage.FORM, Reauthentication.When.AFTER_A_WHILE), "the field was not posted: the login grew old meanwhile");
        assertEquals(List.of("Par sécurité, votre connexion date de plus de 10 minutes : saisissez votre code personnel actuel pour continuer."),
                f.messages.at(null));
        assertEquals(List.of(), f.codesChecked);
    }
}
