package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.domain.code.CodePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form objects: what a person typed becomes domain values, or a French message at the field at fault. */
class FormsTest {

    private static final String REQUIRED = "Ce champ est obligatoire.";

    @Test
    void an_empty_identity_gets_a_message_at_each_of_its_four_fields() {
        RecordedMessages messages = new RecordedMessages();
        assertTrue(new IdentityForm().read(messages, WizardFixture.CLOCK).isEmpty());
        assertEquals(List.of("identite:nom", "identite:nir", "identite:naissance", "identite:codePostal"), messages.fields());
        assertEquals(List.of(REQUIRED), messages.at("identite:nir"));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "toto | 2 28 12 31 815 001 | 03/12/1928 | 31470 | -",
            "toto | 2 28 12 31 815 00  | 03/12/1928 | 31470 | identite:nir",
            "toto | 2 28 12 31 815 001 | 31/02/1928 | 31470 | identite:naissance",
            "toto | 2 28 12 31 815 001 | 03/12/1928 | 3147  | identite:codePostal",
            "<b>  | 2 28 12 31 815 001 | 03/12/1928 | 31470 | identite:nom",
    })
    void each_identity_field_is_read_by_its_value_object(String name, String nir, String birthDate, String postalCode, String fieldAtFault) {
        IdentityForm form = new IdentityForm();
        form.setName(name);
        form.setNir(nir);
        form.setBirthDate(birthDate);
        form.setPostalCode(postalCode);
        RecordedMessages messages = new RecordedMessages();
        boolean read = form.read(messages, WizardFixture.CLOCK).isPresent();
        assertAll(
                () -> assertEquals(fieldAtFault == null, read),
                () -> assertEquals(fieldAtFault == null ? List.of() : List.of(fieldAtFault), messages.fields()));
    }

    @ParameterizedTest(name = "mobile {0}, calls {1}, sms {2}, landline {3}, calls {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-              | -   | -   | -              | -   | -",
            "06 12 34 56 78 | oui | non | -              | -   | -",
            "06 12 34 56 78 | -   | non | -              | -   | coordonnees:mobileAppels",
            "06 12 34 56 78 | oui | -   | -              | -   | coordonnees:mobileSms",
            "01 23 45 67 89 | oui | oui | -              | -   | coordonnees:mobile",
            "-              | -   | -   | 01 23 45 67 89 | -   | coordonnees:fixeAppels",
            "-              | oui | oui | -              | non | -",
    })
    void a_phone_s_consents_are_asked_only_with_its_number(String mobile, String calls, String sms, String landline,
                                                        String landlineCalls, String fieldAtFault) {
        ContactForm form = new ContactForm();
        form.setEmail("toto@example.fr");
        form.setEmailConfirmation("toto@example.fr");
        form.setEmailPromotions("non");
        form.getPhones().setMobile(mobile);
        form.setMobileCalls(calls);
        form.setMobileSms(sms);
        form.getPhones().setLandline(landline);
        form.setLandlineCalls(landlineCalls);
        RecordedMessages messages = new RecordedMessages();
        var read = form.read(messages);
        assertEquals(fieldAtFault == null ? List.of() : List.of(fieldAtFault), messages.fields());
        if (fieldAtFault == null) {
            var choices = read.orElseThrow().choices();
            assertAll(
                    () -> assertEquals(mobile == null ? null : "0612345678", choices.mobile()),
                    () -> assertEquals(mobile == null ? null : Boolean.TRUE, choices.mobileCalls(), "no consent without the number"),
                    () -> assertEquals(null, choices.landlineCalls(), "no consent without the number"));
        }
    }

    @Test
    void two_different_emails_are_refused_at_the_confirmation() {
        ContactForm form = new ContactForm();
        form.setEmail("toto@example.fr");
        form.setEmailConfirmation("titi@example.fr");
        form.setEmailPromotions("oui");
        RecordedMessages messages = new RecordedMessages();
        assertTrue(form.read(messages).isEmpty());
        assertEquals(List.of("Les deux adresses email saisies ne sont pas identiques."), messages.at("coordonnees:emailConfirmation"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Robert*123_A | Robert*123_A | -                          | -",
            "-            | -            | Ce champ est obligatoire.  | Ce champ est obligatoire.",
            "Robert*123_A | Robert*123_B | -                          | Les deux codes saisis ne sont pas identiques.",
            "robert       | robert       | Votre code personnel ne respecte pas toutes les règles indiquées. Règle non respectée : comporter entre 8 et 50 caractères. Règle non respectée : contenir des caractères latins minuscules et majuscules. Règle non respectée : contenir un chiffre ou un caractère spécial. | -",
            "Robert 123_A | Robert 123_A | Votre code personnel ne respecte pas toutes les règles indiquées. Règle non respectée : ne contenir que des caractères autorisés (Caractère non autorisé : espace). | -",
            "Toto*1928_ab | Toto*1928_ab | Votre code personnel ne respecte pas toutes les règles indiquées. Règle non respectée : ne pas contenir votre n° de sécurité sociale, votre date de naissance ou une partie de celle-ci. | -",
            "Azerty*2024  | Azerty*2024  | Votre code personnel ne respecte pas toutes les règles indiquées. Règle non respectée : ne pas être un code trop courant. | -",
            "Marie.Toto75 | Marie.Toto75 | Votre code personnel ne respecte pas toutes les règles indiquées. Règle non respectée : ne pas être un code trop courant. | -",
    })
    void a_code_is_read_with_one_message_per_field_naming_each_rule_not_met(String code, String confirmation,
                                                                           String atCode, String atConfirmation) {
        CodeForm form = new CodeForm(new CodePolicy(WizardFixture.COMMON_CODES));
        form.forPerson(Optional.of(WizardFixture.TOTO_IN_REGISTER));
        form.setCode(code);
        form.setConfirmation(confirmation);
        RecordedMessages messages = new RecordedMessages();
        boolean read = form.read(messages).isPresent();
        assertAll(
                () -> assertEquals(atCode == null && atConfirmation == null, read),
                () -> assertEquals(atCode == null ? List.of() : List.of(atCode), messages.at("codePersonnel:code")),
                () -> assertEquals(atConfirmation == null ? List.of() : List.of(atConfirmation), messages.at("codePersonnel:confirmation")));
    }

    @ParameterizedTest(name = "{0}: answered {1}, refused {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"oui | true | false", "non | true | true", "-  | false | false", "peut-être | false | false"})
    void the_terms_are_accepted_refused_or_unanswered(String choice, boolean answered, boolean refused) {
        TermsForm form = new TermsForm();
        form.setChoice(choice);
        RecordedMessages messages = new RecordedMessages();
        assertAll(
                () -> assertEquals(answered, form.answer(messages, WizardFixture.CLOCK.instant())),
                () -> assertEquals(refused, form.isRefused()),
                () -> assertEquals(choice != null && choice.equals("oui") ? WizardFixture.CLOCK.instant() : null, form.acceptedAt()),
                () -> assertEquals(answered ? List.of() : List.of("conditions:choix"), messages.fields()));
    }
}
