package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consents and their dates as the numbers change (PRODUCT §2.11): what goes with a removed number, what a new one starts with. */
class ContactChoicesTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-01T10:00:00Z");

    /** A mobile with calls accepted and SMS refused, no landline, answered at the account's creation. */
    private static ContactChoices created() {
        Account account = Account.pending(Nir.parse("2 28 12 31 815 001"), "x", "hash", CREATED,
                new ContactChoices(new EmailAddress("toto@example.fr"), true, PhoneNumber.mobile("0612345678"), true, false, null, null),
                CREATED);
        return account.contact();
    }

    @Test
    void the_wizard_s_answers_are_dated_at_the_account_s_creation_and_a_missing_number_has_no_answer() {
        ContactChoices c = created();
        assertAll(
                () -> assertEquals(CREATED, c.answeredAt(Consent.EMAIL_PROMOTIONS)),
                () -> assertEquals(CREATED, c.answeredAt(Consent.MOBILE_CALLS)),
                () -> assertEquals(CREATED, c.answeredAt(Consent.MOBILE_SMS)),
                () -> assertEquals(null, c.answeredAt(Consent.LANDLINE_CALLS), "no landline: never answered"),
                () -> assertEquals(null, c.answer(Consent.LANDLINE_CALLS)));
    }

    @ParameterizedTest(name = "mobile {0}, landline {1}: calls {3}, SMS {4}, landline calls {5}, withdrawn [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // new mobile | new landline | withdrawn | mobile calls | mobile SMS | landline calls | changed | dated now
            "0612345678 | -          | -            | true  | false | -     | false | -",
            "0712345678 | -          | -            | true  | false | -     | true  | -",
            "-          | -          | MOBILE_CALLS | -     | -     | -     | true  | MOBILE_CALLS MOBILE_SMS",
            "0612345678 | 0561123456 | -            | true  | false | false | true  | LANDLINE_CALLS",
            "-          | 0561123456 | MOBILE_CALLS | -     | -     | false | true  | MOBILE_CALLS MOBILE_SMS LANDLINE_CALLS",
    })
    void a_removed_number_takes_its_consents_a_new_one_starts_without_any_a_changed_one_keeps_them(
            String mobile, String landline, String withdrawn, Boolean calls, Boolean sms, Boolean landlineCalls,
            boolean changed, String datedNow) {
        ContactChoices c = created();
        ContactChoices.PhoneChange change = c.changePhones(mobile == null ? null : PhoneNumber.mobile(mobile),
                landline == null ? null : PhoneNumber.landline(landline), LATER);
        Set<Consent> now = consents(datedNow);
        assertAll(
                () -> assertEquals(changed, change.numbersChanged(), "numbers changed"),
                () -> assertEquals(consents(withdrawn), change.withdrawn(), "given consents withdrawn with their number"),
                () -> assertEquals(mobile, c.mobile()),
                () -> assertEquals(landline, c.landline()),
                () -> assertEquals(calls, c.mobileCalls(), "mobile calls"),
                () -> assertEquals(sms, c.mobileSms(), "mobile SMS"),
                () -> assertEquals(landlineCalls, c.landlineCalls(), "landline calls"),
                () -> assertEquals(true, c.emailPromotions(), "the email's consent is not the numbers' business"),
                () -> {
                    for (Consent consent : Arrays.asList(Consent.MOBILE_CALLS, Consent.MOBILE_SMS, Consent.LANDLINE_CALLS)) {
                        Instant expected = now.contains(consent) ? LATER : consent == Consent.LANDLINE_CALLS ? null : CREATED;
                        assertEquals(expected, c.answeredAt(consent), consent + "'s date");
                    }
                });
    }

    @ParameterizedTest(name = "{0} -> {1}: changed {2}")
    @CsvSource({
            "EMAIL_PROMOTIONS, false, true",
            "EMAIL_PROMOTIONS, true, false",
            "MOBILE_CALLS, false, true",
            "MOBILE_SMS, true, true",
            "MOBILE_SMS, false, false",
    })
    void a_consent_is_given_or_withdrawn_in_one_call_and_dated_only_when_it_changes(Consent consent, boolean given, boolean changes) {
        ContactChoices c = created();
        assertEquals(changes, c.answer(consent, given, LATER));
        assertAll(
                () -> assertEquals(given, c.answer(consent)),
                () -> assertEquals(changes ? LATER : CREATED, c.answeredAt(consent)));
    }

    @Test
    void a_phone_s_consent_needs_its_number_and_a_number_its_kind() {
        ContactChoices c = created();
        assertThrows(IllegalStateException.class, () -> c.answer(Consent.LANDLINE_CALLS, true, LATER));
        assertEquals(null, c.answer(Consent.LANDLINE_CALLS), "nothing given without the number");
        assertThrows(IllegalArgumentException.class, () -> c.changePhones(PhoneNumber.landline("0561123456"), null, LATER));
        assertEquals("0612345678", c.mobile(), "a refused change changes nothing");
    }

    @Test
    void only_an_active_account_changes_its_contact() {
        Account pending = Account.pending(Nir.parse("2 28 12 31 815 001"), "x", "hash", CREATED,
                new ContactChoices(new EmailAddress("toto@example.fr"), true, null, null, null, null, null), CREATED);
        assertThrows(IllegalStateException.class, () -> pending.answer(Consent.EMAIL_PROMOTIONS, false, LATER));
        pending.activate(CREATED);
        assertTrue(pending.answer(Consent.EMAIL_PROMOTIONS, false, LATER));
        assertFalse(pending.contact().emailPromotions());
    }

    private static Set<Consent> consents(String names) {
        return names == null ? EnumSet.noneOf(Consent.class)
                : Arrays.stream(names.split(" ")).map(Consent::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Consent.class)));
    }
}
