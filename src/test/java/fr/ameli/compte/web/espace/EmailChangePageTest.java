package fr.ameli.compte.web.espace;

import fr.ameli.compte.application.espace.EmailChange;
import fr.ameli.compte.domain.account.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** « Modifier mon adresse email » (PRODUCT §2.11): what the page reads, asks again and says. */
class EmailChangePageTest {

    @ParameterizedTest(name = "{0} / {1}, logged in {2} ago, code {3}: {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "marie@exemple.fr | marie@exemple.fr | PT1M  | Robert*123_A | -                               | -",
            "marie@EXEMPLE.fr | marie@exemple.fr | PT1M  | Robert*123_A | -                               | -",
            "-                | -                | PT1M  | Robert*123_A | adresseEmail:email              | Ce champ est obligatoire.",
            "marie@exemple    | marie@exemple    | PT1M  | Robert*123_A | adresseEmail:email              | L'adresse email n'est pas valide : elle doit être de la forme nom@domaine.fr, par exemple josette.dupont@exemple.fr.",
            "marie@exemple.fr | marie@exemple.com| PT1M  | Robert*123_A | adresseEmail:emailConfirmation  | Les deux adresses email saisies ne sont pas identiques.",
            "marie@exemple.fr | marie@exemple.fr | PT1M  | Faux*Code_12 | adresseEmail:codeActuel         | Ce code personnel n'est pas le bon.",
            "marie@exemple.fr | marie@exemple.fr | PT20M | Robert*123_A | -                               | -",
            "marie@exemple.fr | marie@exemple.fr | PT20M | Faux*Code_12 | adresseEmail:codeActuel         | Ce code personnel n'est pas le bon.",
            "marie@exemple.fr | marie@exemple.fr | PT20M | ''           | adresseEmail:codeActuel         | Saisissez votre code personnel actuel.",
            "-                | marie@exemple.fr | PT20M | ''           | adresseEmail:email              | Ce champ est obligatoire.",
    })
    void the_address_is_read_as_in_the_wizard_and_the_code_asked_every_time(
            String email, String confirmation, Duration ago, String code, String fieldAtFault, String message) {
        SpaceFixture f = new SpaceFixture().loggedIn(ago);
        f.emailChangePage.setEmail(email);
        f.emailChangePage.setEmailConfirmation(confirmation);
        f.reauthentication.setCurrentCode(code);
        f.emailChangePage.submit();
        assertAll(
                () -> assertEquals(fieldAtFault == null ? List.of() : List.of(message), f.messages.at(fieldAtFault)),
                () -> assertEquals(fieldAtFault == null, f.emailChangePage.isSent()),
                () -> assertEquals(fieldAtFault == null ? List.of(new EmailAddress(email)) : List.of(), f.requested,
                        "the service is asked only once everything is right"));
    }

    /**
     * The attack of a shared computer left open, or of a login that skipped the code personnel: a login
     * seconds old does not change the address without the current code personnel (PRODUCT §2.11).
     */
    @ParameterizedTest(name = "logged in {0} ago, the field {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "PT0S | -  | -                       | Par sécurité, saisissez votre code personnel actuel pour changer d'adresse email.",
            "PT1M | -  | -                       | Par sécurité, saisissez votre code personnel actuel pour changer d'adresse email.",
            "PT1M | '' | adresseEmail:codeActuel | Saisissez votre code personnel actuel.",
    })
    void a_fresh_login_still_needs_the_code_personnel_to_change_the_address(Duration ago, String code, String at, String message) {
        SpaceFixture f = new SpaceFixture().loggedIn(ago);
        f.emailChangePage.setEmail("intrus@exemple.fr");
        f.emailChangePage.setEmailConfirmation("intrus@exemple.fr");
        f.reauthentication.setCurrentCode(code);
        f.emailChangePage.submit();
        assertAll(
                () -> assertFalse(f.emailChangePage.isSent()),
                () -> assertEquals(List.of(), f.requested, "no link leaves"),
                () -> assertEquals(List.of(message), f.messages.at(at)));
    }

    @Test
    void a_wrong_address_spends_no_try_of_the_code() {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(20));
        f.emailChangePage.setEmail("marie@exemple.fr");
        f.emailChangePage.setEmailConfirmation("marie@exemple.com");
        f.reauthentication.setCurrentCode("Faux*Code_12");
        f.emailChangePage.submit();
        assertEquals(List.of(), f.codesChecked, "a wrong guess would count as a failed login");
    }

    @Test
    void the_answer_names_the_address_and_the_link_s_validity_whether_or_not_it_is_free() {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(1));
        f.emailChangePage.setEmail("marie@exemple.fr");
        f.emailChangePage.setEmailConfirmation("marie@exemple.fr");
        f.reauthentication.setCurrentCode(SpaceFixture.RIGHT_CODE);
        f.emailChangePage.submit();
        assertTrue(f.emailChangePage.isSent());
        assertEquals("Un courriel vient d'être envoyé à l'adresse marie@exemple.fr. Ouvrez le lien qu'il contient pour confirmer votre "
                + "nouvelle adresse : il est valable 24 heures et ne sert qu'une fois. D'ici là, votre compte garde son adresse actuelle. "
                + "Vous ne le recevez pas ? Vérifiez l'adresse saisie et vos courriers indésirables.", f.emailChangePage.getSentText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SAME_ADDRESS | adresseEmail:email | C'est déjà l'adresse email de votre compte.",
            "TOO_MANY     |                    | Vous avez déjà demandé plusieurs changements d'adresse. Par sécurité, vous pourrez en demander un nouveau à partir du 1 décembre 2026 à 12h00.",
    })
    void the_service_s_refusals_are_said_where_they_belong(EmailChange.Requested.Status status, String at, String message) {
        SpaceFixture f = new SpaceFixture().loggedIn(Duration.ofMinutes(1));
        f.answer = new EmailChange.Requested(status, status == EmailChange.Requested.Status.TOO_MANY
                ? Instant.parse("2026-12-01T11:00:00Z") : null);
        f.emailChangePage.setEmail("marie@exemple.fr");
        f.emailChangePage.setEmailConfirmation("marie@exemple.fr");
        f.reauthentication.setCurrentCode(SpaceFixture.RIGHT_CODE);
        f.emailChangePage.submit();
        assertFalse(f.emailChangePage.isSent());
        assertEquals(List.of(message), f.messages.at(at));
    }
}
