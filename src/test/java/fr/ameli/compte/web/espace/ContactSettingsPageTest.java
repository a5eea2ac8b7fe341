package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.web.creation.WizardFixture;
import fr.ameli.compte.application.espace.AccountQueries;
import fr.ameli.compte.application.espace.ContactSettings;
import fr.ameli.compte.application.espace.ContactSettings.Outcome;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.PhoneNumber;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** « Mes numéros de téléphone et mes consentements » without a server: what is read, what the service is asked, what the page says. */
class ContactSettingsPageTest {

    private static final String TOTO = "2281231815001";
    private static final String MOBILE_REFUSED = "Le numéro de téléphone portable n'est pas valide : saisissez 10 chiffres commençant par 06 ou 07, par exemple 06 12 34 56 78.";
    private static final String LANDLINE_REFUSED = "Le numéro de téléphone fixe n'est pas valide : saisissez 10 chiffres commençant par 01 à 05 ou 09, par exemple 01 23 45 67 89.";

    private final ContactSettingsPage page = new ContactSettingsPage();
    private final RecordedMessages messages = new RecordedMessages();
    /** What the service was asked, one line a call. */
    private final List<String> asked = new ArrayList<>();
    private final List<String> flashed = new ArrayList<>();
    private Outcome outcome = Outcome.CHANGED;
    /** The account's contact; null: no active account. */
    private ContactChoices held = activeContact();

    /** TOTO's choices: promotions by email refused, a mobile with calls accepted and SMS refused, no landline, answered at creation. */
    private static ContactChoices activeContact() {
        Account account = Account.pending(Nir.parse(TOTO), "x", "hash", WizardFixture.CLOCK.instant(),
                new ContactChoices(new EmailAddress("toto@example.fr"), false, PhoneNumber.mobile("0612345678"), true, false, null, null),
                WizardFixture.CLOCK.instant());
        return account.contact();
    }

    ContactSettingsPageTest() {
        page.messages = messages;
        page.loggedIn = new LoggedInPerson() {
            @Override
            Optional<Nir> nir() {
                return Optional.of(Nir.parse(TOTO));
            }
        };
        page.queries = new AccountQueries() {
            @Override
            public Optional<ContactChoices> contact(Nir nir) {
                return Optional.ofNullable(held);
            }
        };
        page.settings = new ContactSettings() {
            @Override
            public Outcome changePhones(Nir nir, PhoneNumber mobile, PhoneNumber landline) {
                asked.add(nir.fullForm().substring(0, 13) + " phones " + mobile + " " + landline);
                return outcome;
            }

            @Override
            public Outcome answer(Nir nir, Consent consent, boolean given) {
                asked.add(nir.fullForm().substring(0, 13) + " " + consent + " " + given);
                return outcome;
            }
        };
        page.flash = new FlashData() {
            @Override
            public void contactSaved(String confirmation) {
                flashed.add(confirmation);
            }
        };
    }

    @Test
    void the_page_opens_with_the_numbers_held_as_people_write_them() {
        assertEquals(null, page.open());
        assertAll(
                () -> assertEquals("06 12 34 56 78", page.getPhones().getMobile()),
                () -> assertEquals(null, page.getPhones().getLandline()));
    }

    @Test
    void without_an_active_account_the_page_leads_to_my_space() {
        held = null;
        assertEquals(ContactSettingsPage.MY_SPACE, page.open());
    }

    @ParameterizedTest(name = "mobile «{0}», landline «{1}»: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "06 12 34 56 78    | -              | phones 0612345678 null",
            "-                 | -              | confirmer",
            "'   '             | ''             | confirmer",
            "+33 7 12 34 56 78 | 05 61 12 34 56 | phones 0712345678 0561123456",
            "01 23 45 67 89    | -              | telephones:mobile",
            "-                 | 06 12 34 56 78 | telephones:fixe",
            "06 12             | abc            | telephones:mobile telephones:fixe",
            "<b>0612345678</b> | 0561123456'--  | telephones:mobile telephones:fixe",
    })
    void the_numbers_are_read_with_the_wizard_s_rules_and_messages_and_only_valid_ones_reach_the_service(
            String mobile, String landline, String expected) {
        page.getPhones().setMobile(mobile);
        page.getPhones().setLandline(landline);
        String navigation = page.savePhones();
        boolean refused = expected.startsWith("telephones:");
        boolean held = expected.equals("confirmer");
        assertAll(
                () -> assertEquals(refused || held ? null : ContactSettingsPage.SELF, navigation, "stays on the page with its messages, or shows it again"),
                () -> assertEquals(refused || held ? List.of() : List.of(TOTO + " " + expected), asked, "the service asked"),
                () -> assertEquals(refused ? Arrays.asList(expected.split(" ")) : List.of(), messages.fields(), "messages at the fields"),
                () -> assertEquals(refused || held ? List.of() : List.of("Vos numéros de téléphone sont enregistrés."), flashed),
                () -> assertEquals(held, page.getRemovalWarning() != null, "the removal waits for its confirmation"),
                () -> {
                    if (messages.fields().contains("telephones:mobile")) {
                        assertEquals(List.of(MOBILE_REFUSED), messages.at("telephones:mobile"), "the wizard's message");
                    }
                    if (messages.fields().contains("telephones:fixe")) {
                        assertEquals(List.of(LANDLINE_REFUSED), messages.at("telephones:fixe"), "the wizard's message");
                    }
                });
    }

    @Test
    void erasing_a_number_first_says_its_consents_go_with_it_and_only_the_confirmation_removes_it() {
        page.getPhones().setMobile("");
        assertEquals(null, page.savePhones(), "the page again, with the warning");
        assertAll(
                () -> assertEquals("Vous allez supprimer le numéro 06 12 34 56 78 : vos accords pour ce numéro seront retirés avec lui. Confirmez-vous ?",
                        page.getRemovalWarning()),
                () -> assertEquals(List.of(), asked, "nothing removed yet"),
                () -> assertEquals("", page.getPhones().getMobile(), "what was typed stays in the form"));
        assertEquals(ContactSettingsPage.SELF, page.confirmPhones());
        assertAll(
                () -> assertEquals(List.of(TOTO + " phones null null"), asked, "removed on the confirmation"),
                () -> assertEquals(List.of("Vos numéros de téléphone sont enregistrés."), flashed));
    }

    @Test
    void numbers_saved_as_they_were_say_so() {
        outcome = Outcome.UNCHANGED;
        page.getPhones().setMobile("0612345678");
        assertEquals(ContactSettingsPage.SELF, page.savePhones());
        assertEquals(List.of("Vos numéros de téléphone n'ont pas changé."), flashed);
    }

    @ParameterizedTest(name = "{0}, given {1}, {2}: « {3} »")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "EMAIL_PROMOTIONS | false | CHANGED    | C'est enregistré : vous ne recevrez plus d'informations promotionnelles par email.",
            "EMAIL_PROMOTIONS | true  | CHANGED    | C'est enregistré : vous recevrez des informations promotionnelles par email.",
            "MOBILE_CALLS     | false | CHANGED    | C'est enregistré : l'Assurance Maladie ne vous appellera plus sur votre portable.",
            "MOBILE_SMS       | true  | CHANGED    | C'est enregistré : vous recevrez des SMS.",
            "MOBILE_SMS       | false | UNCHANGED  | C'est enregistré : vous ne recevrez plus de SMS.",
            "LANDLINE_CALLS   | true  | NO_NUMBER  | Ce numéro n'est plus enregistré : il n'y a plus de choix à faire pour lui.",
            "LANDLINE_CALLS   | false | NO_ACCOUNT | -",
    })
    void each_consent_turns_in_one_action_either_way_and_the_page_says_what_was_done(Consent consent, boolean given, Outcome answer,
                                                                                   String said) {
        outcome = answer;
        String navigation = given ? page.give(consent) : page.withdraw(consent);
        assertAll(
                () -> assertEquals(List.of(TOTO + " " + consent + " " + given), asked, "one call, saying which way"),
                () -> assertEquals(said == null ? ContactSettingsPage.MY_SPACE : ContactSettingsPage.SELF, navigation),
                () -> assertEquals(said == null ? List.of() : List.of(said), flashed),
                () -> assertEquals(List.of(), messages.fields(), "nothing at a field"));
    }

    @Test
    void each_consent_is_shown_while_it_applies_with_its_answer_its_date_and_the_button_that_turns_it() {
        List<ConsentLine> lines = page.getConsents();
        assertAll(
                () -> assertEquals(Arrays.asList(Consent.values()), lines.stream().map(ConsentLine::consent).toList(), "always the four"),
                () -> assertEquals(List.of(true, true, true, false), lines.stream().map(ConsentLine::shown).toList(), "no landline"),
                () -> assertEquals(List.of("promotions", "mobileAppels", "mobileSms", "fixeAppels"),
                        lines.stream().map(ConsentLine::field).toList(), "the wizard's field names"),
                () -> assertEquals("Votre choix : Non, depuis le 1 décembre 2026 à 11h00.", lines.get(0).state(), "Paris time"),
                () -> assertEquals("Accepter les informations promotionnelles par email", lines.get(0).action()),
                () -> assertEquals("Votre choix : Oui, depuis le 1 décembre 2026 à 11h00.", lines.get(1).state()),
                () -> assertEquals("Ne plus être appelé sur mon portable", lines.get(1).action()),
                () -> assertEquals("Accepter les SMS", lines.get(2).action()));
    }

    @ParameterizedTest
    @EnumSource(Consent.class)
    void every_consent_has_its_title_its_two_buttons_and_its_two_confirmations(Consent consent) {
        for (boolean given : new boolean[]{true, false}) {
            ConsentLine line = new ConsentLine(consent, true, given, null);
            assertFalse(line.title().isBlank());
            assertTrue(line.action().startsWith(given ? "Ne plus" : "Accepter"), line.action());
            assertTrue(ConsentLine.done(consent, given).startsWith("C'est enregistré"));
            assertEquals(given ? "Votre choix : Oui." : "Votre choix : Non.", line.state());
        }
        assertEquals(4, Set.of(Consent.values()).size());
    }
}
