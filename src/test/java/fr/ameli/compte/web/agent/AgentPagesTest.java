package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.application.connexion.LockInForce;
import fr.ameli.compte.application.agent.ActionNotAllowed;
import fr.ameli.compte.application.agent.ActionResult;
import fr.ameli.compte.application.agent.AccountState;
import fr.ameli.compte.application.agent.ActionOutcome;
import fr.ameli.compte.application.agent.LookUp;
import fr.ameli.compte.application.agent.PersonFile;
import fr.ameli.compte.application.agent.RegisterEntry;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentAction;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The espace agent's page beans without a server (PRODUCT §2.12): what reaches the desk, and what is said where. */
class AgentPagesTest {

    private static final Nir TOTO = Nir.parse("2 28 12 31 815 001");
    private static final Agent CLAIRE = new Agent("claire.martin", "Claire Martin", EnumSet.of(AgentRole.AGENT));
    private static final PersonFile TOTO_FILE = new PersonFile(TOTO,
            new RegisterEntry("TOTO", "Marie", LocalDate.of(1928, 12, 3), "31470", "Saint-Thomas"),
            new AccountState(AccountState.Status.ACTIVE, Instant.parse("2026-11-02T09:00:00Z"), "marie@example.fr"),
            List.of(), List.of(), List.of(), List.of(), 0);

    /** The desk answering what the test sets; records what it was asked. */
    static class Desk extends AgentDesk {
        final List<String> asked = new ArrayList<>();
        LookUp lookUp = new LookUp(Optional.of(TOTO_FILE), null);
        ActionOutcome outcome = ActionOutcome.DONE;

        @Override
        public LookUp lookUp(Agent agent, Nir nir, AgentReason reason) {
            asked.add("lookUp " + nir.digits13() + " « " + reason + " » by " + agent.subject());
            return lookUp;
        }

        @Override
        public ActionResult liftLocks(Agent agent, Nir nir, AgentReason reason) {
            asked.add("liftLocks " + nir.digits13() + " « " + reason + " »");
            return new ActionResult(outcome, Optional.of(TOTO_FILE));
        }

        @Override
        public ActionResult replaceEmail(Agent agent, Nir nir, EmailAddress newEmail, boolean identityChecked, AgentReason reason) {
            asked.add("replaceEmail " + newEmail.value() + " " + identityChecked);
            return new ActionResult(outcome, Optional.of(TOTO_FILE));
        }

        @Override
        public ActionResult closeAccount(Agent agent, Nir nir, AgentReason reason) {
            if (!agent.may(AgentAction.CLOSE_ACCOUNT)) {
                throw new ActionNotAllowed(agent, AgentAction.CLOSE_ACCOUNT);
            }
            asked.add("closeAccount");
            return new ActionResult(outcome, Optional.of(TOTO_FILE));
        }
    }

    static final class OnDuty extends LoggedInAgent {
        Agent agent = CLAIRE;

        @Override
        Optional<Agent> agent() {
            return Optional.ofNullable(agent);
        }
    }

    private final Desk desk = new Desk();
    private final RecordedMessages messages = new RecordedMessages();
    private final OnDuty onDuty = new OnDuty();

    private AgentConsole console() {
        AgentConsole console = new AgentConsole();
        console.desk = desk;
        console.loggedIn = onDuty;
        console.messages = messages;
        return console;
    }

    private AgentActions actions(AgentConsole console) {
        AgentActions actions = new AgentActions();
        actions.console = console;
        actions.desk = desk;
        actions.loggedIn = onDuty;
        actions.messages = messages;
        return actions;
    }

    static Stream<Arguments> incompleteLookUps() {
        return Stream.of(
                Arguments.of(null, null, List.of("recherche:nir", "recherche:motif")),
                Arguments.of("2 28 12 31 815", "Appel de l'assurée", List.of("recherche:nir")),
                Arguments.of("2 28 12 31 815 001 99", "Appel de l'assurée", List.of("recherche:nir")),
                Arguments.of("2 28 12 31 815 001", "ok", List.of("recherche:motif")),
                Arguments.of("2 28 12 31 815 001", "    ", List.of("recherche:motif")));
    }

    @ParameterizedTest(name = "{0} / {1}: at {2}")
    @MethodSource("incompleteLookUps")
    void a_look_up_without_a_nir_or_a_reason_never_reaches_the_desk(String nir, String reason, List<String> at) {
        AgentConsole console = console();
        console.setNir(nir);
        console.setReason(reason);
        console.lookUp();
        assertEquals(List.of(), desk.asked);
        assertEquals(at, messages.fields());
        assertNull(console.getFile());
    }

    @Test
    void a_look_up_shows_the_file_and_forgets_its_reason_which_each_look_up_gives_again() {
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001 10");
        console.setReason("  Appel   de l'assurée ");
        console.lookUp();
        assertAll(
                () -> assertEquals(List.of("lookUp 2281231815001 « Appel de l'assurée » by claire.martin"), desk.asked),
                () -> assertEquals(TOTO_FILE, console.getFile()),
                () -> assertEquals(List.of(), messages.fields()),
                () -> assertNull(console.getReason()),
                () -> assertTrue(console.getAccountState().startsWith("Compte actif depuis le"), console.getAccountState()));
    }

    static Stream<Arguments> refusedLookUps() {
        return Stream.of(
                Arguments.of("not in the register", new LookUp(Optional.empty(), null),
                        "Ce numéro de sécurité sociale n'est pas dans le registre des assurés."),
                Arguments.of("a burst of look-ups", new LookUp(Optional.empty(), Instant.parse("2026-12-01T10:15:00Z")),
                        "Trop de recherches en peu de temps : la suivante est possible à partir de 1 décembre 2026 à 11h15. "
                                + "Cette série de recherches est signalée au journal."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedLookUps")
    void a_look_up_the_desk_refuses_is_said_at_the_nir(String name, LookUp answer, String said) {
        desk.lookUp = answer;
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001");
        console.setReason("Appel de l'assurée");
        console.lookUp();
        assertEquals(List.of(said), messages.at("recherche:nir"));
        assertNull(console.getFile());
    }

    @Test
    void an_action_acts_on_the_person_shown_with_its_own_reason() {
        AgentConsole console = console();
        AgentActions actions = actions(console);
        actions.liftLocks();
        assertEquals(List.of(), desk.asked, "no person shown: nothing to act on");

        console.setNir("2 28 12 31 815 001");
        console.setReason("Appel de l'assurée");
        console.lookUp();
        actions.liftLocks();
        assertEquals(List.of("deblocage:motif"), messages.fields(), "each action has its own reason");
        actions.setReason("Appel, identité vérifiée");
        actions = actions(console);
        actions.setReason("Appel, identité vérifiée");
        actions.liftLocks();
        assertEquals("liftLocks 2281231815001 « Appel, identité vérifiée »", desk.asked.get(1));
        assertEquals("Les blocages sont levés. La personne en est informée par email.", console.getDone());
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(ActionOutcome.values()).filter(o -> o != ActionOutcome.DONE).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void each_refusal_of_the_desk_has_its_french_sentence_at_the_top(ActionOutcome outcome) {
        desk.outcome = outcome;
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001");
        console.setReason("Appel de l'assurée");
        console.lookUp();
        AgentActions actions = actions(console);
        actions.setReason("Appel de l'assurée");
        actions.liftLocks();
        assertEquals(1, messages.at(null).size(), outcome.name());
        assertTrue(messages.at(null).get(0).endsWith("."), messages.at(null).get(0));
        assertNull(console.getDone());
    }

    @Test
    void the_email_is_replaced_only_once_the_identity_document_is_ticked_and_both_addresses_agree() {
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001");
        console.setReason("Accueil au guichet");
        console.lookUp();
        AgentActions actions = actions(console);
        actions.setEmail("marie.toto@example.fr");
        actions.setEmailConfirmation("marie.toto@exemple.fr");
        actions.replaceEmail();
        assertEquals(List.of("email:emailConfirmation", "email:pieceVerifiee", "email:motif"), messages.fields());
        assertEquals(List.of("lookUp 2281231815001 « Accueil au guichet » by claire.martin"), desk.asked);

        RecordedMessages fresh = new RecordedMessages();
        actions = actions(console);
        actions.messages = fresh;
        actions.setEmail("marie.toto@example.fr");
        actions.setEmailConfirmation("marie.toto@example.fr");
        actions.setIdentityChecked(true);
        actions.setReason("Carte d'identité vérifiée au guichet");
        actions.replaceEmail();
        assertEquals(List.of(), fresh.fields());
        assertEquals("replaceEmail marie.toto@example.fr true", desk.asked.get(1));
    }

    @Test
    void an_agent_who_forces_a_superviseur_s_action_is_told_plainly_and_nothing_happens() {
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001");
        console.setReason("Accueil au guichet");
        console.lookUp();
        AgentActions actions = actions(console);
        actions.setCloseConfirmed(true);
        actions.setReason("Demande de l'assurée");
        actions.closeAccount();
        assertEquals(List.of("Votre rôle ne permet pas cette action."), messages.at(null));
        assertEquals(1, desk.asked.size(), "only the look-up");
    }

    static Stream<Arguments> journalFilters() {
        return Stream.of(
                Arguments.of("", "", "null null", List.of()),
                Arguments.of(" claire.martin ", "01/12/2026", "claire.martin 2026-12-01", List.of()),
                Arguments.of("", "31/02/2026", null, List.of("journal:jour")),
                Arguments.of("", "1/12/2026", null, List.of("journal:jour")),
                Arguments.of("", "hier", null, List.of("journal:jour")));
    }

    @ParameterizedTest(name = "agent «{0}», day «{1}»")
    @MethodSource("journalFilters")
    void the_journal_is_filtered_by_agent_and_by_an_existing_day(String agentTyped, String dayTyped, String asked, List<String> at) {
        List<String> journalAsked = new ArrayList<>();
        AgentJournalPage page = new AgentJournalPage();
        page.desk = new Desk() {
            @Override
            public fr.ameli.compte.application.agent.Supervision.JournalPage journal(Agent agent, Optional<String> ofAgent, Optional<LocalDate> day,
                                                                               int page) {
                journalAsked.add(ofAgent.orElse(null) + " " + day.map(LocalDate::toString).orElse(null));
                return new fr.ameli.compte.application.agent.Supervision.JournalPage(List.of(), page, false);
            }
        };
        page.loggedIn = onDuty;
        page.messages = messages;
        page.setAgentFilter(agentTyped);
        page.setDay(dayTyped);
        page.filter();
        assertEquals(at, messages.fields(), "the message is said while the action runs, before the field is written");
        page.getLines();
        assertEquals(asked == null ? List.of() : List.of(asked), journalAsked);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(fr.ameli.compte.domain.security.AuditEvent.Type.class)
    void every_kind_of_event_has_its_french_words_in_the_file_and_the_journal(fr.ameli.compte.domain.security.AuditEvent.Type type) {
        String words = new AgentConsole().event(type);
        assertTrue(!words.isBlank() && !words.contains("_"), type + ": " + words);
    }

    static Stream<Arguments> locksAsTheFileSaysThem() {
        Instant until = Instant.parse("2026-12-06T14:30:00Z");
        return Stream.of(
                Arguments.of(new LockInForce(LockInForce.Place.ADDRESS, "203.0.113.5", until),
                        "adresse 203.0.113.5, jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.ADDRESS_SECURITY_CODE, "203.0.113.5", until),
                        "adresse 203.0.113.5 (code de sécurité), jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.REMEMBERED_BROWSER, "Firefox sous Windows", until),
                        "appareil mémorisé (Firefox sous Windows), jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.OTHER_LOGIN, null, until),
                        "une autre adresse ou un appareil mémorisé, jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.OTHER_SECURITY_CODE, null, until),
                        "une autre adresse (code de sécurité), jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.DAILY_CEILING, null, until),
                        "tous les appareils non mémorisés (plafond du jour), jusqu'au 6 décembre 2026 à 15h30"),
                Arguments.of(new LockInForce(LockInForce.Place.PROOF, null, until),
                        "vérification d'identité (création de compte), jusqu'au 6 décembre 2026 à 15h30"));
    }

    @ParameterizedTest
    @MethodSource("locksAsTheFileSaysThem")
    void the_file_words_each_lock_where_it_holds_and_until_when(LockInForce lock, String words) {
        assertEquals(words, new AgentConsole().lock(lock));
    }

    @Test
    void an_action_runs_for_the_agent_of_the_session_and_stays_on_its_page_or_without_one_goes_to_the_agents_login() {
        assertNull(onDuty.acting(agent -> null), "an action that answers null stays on its page");
        assertEquals("/agent/index?faces-redirect=true", onDuty.acting(agent -> "/agent/index?faces-redirect=true"));
        onDuty.agent = null;
        assertEquals("/agent/connexion.xhtml?faces-redirect=true", onDuty.acting(agent -> {
            throw new AssertionError("nobody to act for");
        }));
        AgentConsole console = console();
        console.setNir("2 28 12 31 815 001");
        console.setReason("Accueil au guichet");
        assertEquals("/agent/connexion.xhtml?faces-redirect=true", console.lookUp());
        assertTrue(desk.asked.isEmpty(), desk.asked.toString());
    }
}
