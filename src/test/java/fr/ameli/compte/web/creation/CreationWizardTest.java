package fr.ameli.compte.web.creation;

import fr.ameli.compte.application.creation.RegistrationRefused.Reason;
import fr.ameli.compte.application.shared.StepTimed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static fr.ameli.compte.web.creation.WizardStep.CODE;
import static fr.ameli.compte.web.creation.WizardStep.CONTACT;
import static fr.ameli.compte.web.creation.WizardStep.IDENTITY;
import static fr.ameli.compte.web.creation.WizardStep.TERMS;
import static fr.ameli.compte.web.creation.WizardStep.VERIFICATION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wizard's page guards and its routing after a refused registration, without a server. */
class CreationWizardTest {

    /** Every (step reached, page typed in the address bar) pair: a later page sends the person back to where they are. */
    static Stream<Arguments> guards() {
        List<Arguments> cases = new ArrayList<>();
        for (WizardStep reached : WizardStep.values()) {
            for (WizardStep typed : WizardStep.values()) {
                cases.add(Arguments.of(reached, typed, typed.compareTo(reached) > 0 ? reached.redirect() : null));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "reached {0}, opens {1}: {2}")
    @MethodSource("guards")
    void a_page_opens_only_once_the_steps_before_it_succeeded(WizardStep reached, WizardStep typed, String expected) {
        WizardFixture f = new WizardFixture().at(reached);
        assertEquals(expected, f.wizard.enter(typed));
    }

    @ParameterizedTest
    @EnumSource(WizardStep.class)
    void without_a_running_wizard_every_page_leads_to_the_first_step(WizardStep typed) {
        assertEquals("/creation/identite?faces-redirect=true", new WizardFixture().wizard.enter(typed));
    }

    /** Where each refusal of the registration leads: the step where the person can fix it, or a message on the last step. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Reason.ACCOUNT_EXISTS, null, CONTACT, null),
                Arguments.of(Reason.EMAIL_NOT_CONFIRMED, null, CONTACT, "coordonnees:emailConfirmation"),
                Arguments.of(Reason.CODE_REJECTED, CODE.redirect(), CODE, null),
                Arguments.of(Reason.CODE_NOT_CONFIRMED, CODE.redirect(), CODE, null),
                Arguments.of(Reason.TERMS_NOT_ACCEPTED, TERMS.redirect(), TERMS, null),
                Arguments.of(Reason.NOT_IDENTIFIED, IDENTITY.redirect(), IDENTITY, null),
                Arguments.of(Reason.NOT_PROVEN, IDENTITY.redirect(), IDENTITY, null));
    }

    @ParameterizedTest(name = "{0} leads to {1}")
    @MethodSource("refusals")
    void a_refused_registration_leads_where_it_can_be_fixed(Reason reason, String outcome, WizardStep reached, String messageAt) {
        WizardFixture f = new WizardFixture().at(CONTACT).withContact();
        f.refusal = reason;
        assertAll(
                () -> assertEquals(outcome, f.wizard.submitContact(), "navigation"),
                () -> assertEquals(reached, f.wizard.reached(), "how far the person may go now"),
                () -> assertTrue(f.registered.isEmpty() && f.flashed.isEmpty(), "nothing created, nothing shown as sent"),
                () -> assertEquals(0, f.conversation.ended, "the wizard goes on"),
                () -> assertEquals(outcome == null ? List.of(messageAt == null ? "null" : messageAt) : List.of(),
                        f.messages.fields().stream().map(String::valueOf).toList(), "a message only when the person stays"));
    }

    @Test
    void the_refusal_table_covers_every_reason() {
        Set<Reason> covered = EnumSet.noneOf(Reason.class);
        refusals().forEach(a -> covered.add((Reason) a.get()[0]));
        assertEquals(EnumSet.allOf(Reason.class), covered);
    }

    @Test
    void a_register_that_no_longer_knows_the_person_forgets_what_was_proven() {
        WizardFixture f = new WizardFixture().at(CONTACT).withContact();
        f.refusal = Reason.NOT_PROVEN;
        f.wizard.submitContact();
        assertAll(
                () -> assertEquals("", f.wizard.getNirDisplay(), "no identity any more"),
                () -> assertEquals(IDENTITY.redirect(), f.wizard.enter(TERMS), "the terms need the identity again"));
    }

    @Test
    void the_last_step_creates_the_account_ends_the_wizard_and_shows_the_mail_sent() {
        WizardFixture f = new WizardFixture().at(CONTACT).withContact();
        assertAll(
                () -> assertEquals("/creation/courriel-envoye?faces-redirect=true", f.wizard.submitContact()),
                () -> assertEquals(1, f.registered.size()),
                () -> assertEquals(WizardFixture.TOTO, f.registered.get(0).claim()),
                () -> assertEquals(null, f.registered.get(0).contact().landline(), "no landline typed"),
                () -> assertEquals(true, f.registered.get(0).contact().mobileCalls()),
                () -> assertEquals(1, f.conversation.ended),
                () -> assertEquals(1, f.flashed.size()));
    }

    @Test
    void the_code_step_checks_the_names_the_register_holds_live() {
        WizardFixture f = new WizardFixture().at(CODE);
        assertEquals(null, f.wizard.enter(CODE));
        f.wizard.getCodeForm().setCode("Marie_Toto!75");
        assertEquals(List.of(true, true, true, true, true, false),
                f.wizard.getCodeForm().getRuleChecks().stream().map(c -> c.satisfied()).toList(), "the given name comes from the register");
    }

    @Test
    void a_person_gone_from_the_register_starts_again_at_the_code_step() {
        WizardFixture f = new WizardFixture().at(CODE);
        f.inRegister = null;
        assertAll(
                () -> assertEquals(IDENTITY.redirect(), f.wizard.enter(CODE)),
                () -> assertEquals(IDENTITY, f.wizard.reached()));
    }

    @Test
    void correcting_the_identity_asks_for_the_proof_again() {
        WizardFixture f = new WizardFixture().at(CODE);
        f.wizard.getIdentityForm().setName("TOTO");
        f.wizard.getIdentityForm().setNir("1 84 12 76 451 089");
        f.wizard.getIdentityForm().setBirthDate("15/12/1984");
        f.wizard.getIdentityForm().setPostalCode("76000");
        assertAll(
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.submitIdentity()),
                () -> assertEquals(VERIFICATION, f.wizard.reached()),
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.enter(TERMS)));
    }

    @Test
    void the_same_identity_again_keeps_the_steps_already_done() {
        WizardFixture f = new WizardFixture().at(CODE);
        f.wizard.getIdentityForm().setName("TOTO");
        f.wizard.getIdentityForm().setNir("2 28 12 31 815 001");
        f.wizard.getIdentityForm().setBirthDate("03/12/1928");
        f.wizard.getIdentityForm().setPostalCode("31470");
        assertAll(
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.submitIdentity()),
                () -> assertEquals(CODE, f.wizard.reached()));
    }

    /**
     * The attack of a view still open on a later page: once the identity step names another person,
     * the contact step's form posted from the old page registers nothing (its proof was for the other one).
     */
    @Test
    void a_form_posted_from_a_later_page_after_another_identity_registers_nothing() {
        WizardFixture f = new WizardFixture().at(CONTACT).withContact();
        f.wizard.getIdentityForm().setName("DURAND");
        f.wizard.getIdentityForm().setNir("1 84 12 76 451 089");
        f.wizard.getIdentityForm().setBirthDate("15/12/1984");
        f.wizard.getIdentityForm().setPostalCode("76000");
        assertEquals(VERIFICATION.redirect(), f.wizard.submitIdentity());
        assertAll(
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.submitContact(), "sent back to the proof of the new identity"),
                () -> assertEquals(List.of(), f.registered, "no account"),
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.submitCode()),
                () -> assertEquals(VERIFICATION.redirect(), f.wizard.submitTerms()));
    }

    /** Every submit of a step not reached yet: sent back to where the person is, and nothing asked of the services. */
    static Stream<Arguments> submitsBeforeTheirStep() {
        List<Arguments> cases = new ArrayList<>();
        for (WizardStep reached : WizardStep.values()) {
            for (WizardStep submitted : List.of(VERIFICATION, TERMS, CODE, CONTACT)) {
                if (submitted.compareTo(reached) > 0) {
                    cases.add(Arguments.of(reached, submitted));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "reached {0}, submits {1}")
    @MethodSource("submitsBeforeTheirStep")
    void a_step_s_submit_acts_only_once_the_step_is_reached(WizardStep reached, WizardStep submitted) {
        WizardFixture f = new WizardFixture().at(reached).withContact();
        String outcome = switch (submitted) {
            case VERIFICATION -> f.wizard.submitProof();
            case TERMS -> f.wizard.submitTerms();
            case CODE -> f.wizard.submitCode();
            case CONTACT -> f.wizard.submitContact();
            case IDENTITY -> throw new IllegalArgumentException();
        };
        assertAll(
                () -> assertEquals(reached.redirect(), outcome),
                () -> assertEquals(reached, f.wizard.reached(), "nothing moves"),
                () -> assertEquals(List.of(), f.registered),
                () -> assertEquals(List.of(), f.messages.fields(), "nothing was read"));
    }

    @Test
    void a_provisional_code_s_login_hands_that_code_to_the_registration() {
        WizardFixture f = new WizardFixture().at(IDENTITY);
        assertEquals(TERMS.redirect(), f.wizard.continueWithProvisionalCode(WizardFixture.TOTO, 42L));
        f.wizard.progress.advanceTo(CONTACT);
        f.withContact();
        f.wizard.submitContact();
        assertAll(
                () -> assertEquals(1, f.registered.size()),
                () -> assertEquals(null, f.registered.get(0).proof(), "no tails: the code proved the identity"),
                () -> assertEquals(42L, f.registered.get(0).provisionalCodeId(), "the very code of the login, never another of the NIR"));
    }

    @Test
    void each_timed_action_is_named_after_its_step() {
        Set<String> pages = EnumSet.allOf(WizardStep.class).stream().map(WizardStep::page).collect(java.util.stream.Collectors.toSet());
        List<String> timed = Arrays.stream(CreationWizard.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(StepTimed.class))
                .map(m -> m.getAnnotation(StepTimed.class).value()).sorted().toList();
        assertEquals(pages.stream().sorted().toList(), timed, "one timed action per step, named by its page");
    }
}
