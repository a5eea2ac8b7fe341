package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.web.creation.WizardFixture;
import fr.ameli.compte.application.espace.AccountClosure;
import fr.ameli.compte.application.espace.CodeChange;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonalData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** « Modifier mon code personnel » and « Clôturer mon compte » (PRODUCT §2.11), without a server: which field says what. */
class MySpacePagesTest {

    private static final Nir NIR = WizardFixture.TOTO.nir();
    private static final String CURRENT = "Robert*123_A";
    private static final String NEW = "Vosges*Rhin_88";
    private static final Instant UNTIL = Instant.parse("2026-12-01T10:15:00Z");

    /** The logged-in person, without a container; counts the session renewals and logouts. */
    static final class Person extends LoggedInPerson {
        int renewed;
        int proven;
        int loggedOut;

        @Override
        Optional<Nir> nir() {
            return Optional.of(NIR);
        }

        @Override
        Optional<String> sessionKey() {
            return Optional.of("cle-de-session");
        }

        @Override
        void renewSessionId() {
            renewed++;
        }

        @Override
        void logOut() {
            loggedOut++;
        }

        @Override
        void provenNow() {
            proven++;
        }
    }

    /** The service answering {@code outcome}; records what it was asked. */
    static final class Change extends CodeChange {
        final List<String> asked = new ArrayList<>();
        CodeChange.Outcome outcome;

        @Override
        public Optional<PersonalData> personalData(Nir nir) {
            return Optional.of(WizardFixture.TOTO_IN_REGISTER);
        }

        @Override
        public Result change(Nir nir, String current, String code, String confirmation, String keptSessionKey) {
            asked.add(current + " → " + code + " (" + keptSessionKey + ")");
            return new Result(outcome, outcome == Outcome.LOCKED ? UNTIL : null);
        }
    }

    static Stream<Arguments> afterNewCode() {
        return Stream.of(
                Arguments.of(CodeChange.Outcome.CHANGED, List.of(), 1),
                Arguments.of(CodeChange.Outcome.CURRENT_WRONG, List.of("codePersonnel:actuel"), 0),
                Arguments.of(CodeChange.Outcome.LOCKED, List.of("codePersonnel:actuel"), 0),
                Arguments.of(CodeChange.Outcome.CODE_REJECTED, List.of("codePersonnel:code"), 0),
                Arguments.of(CodeChange.Outcome.CODE_NOT_CONFIRMED, List.of("codePersonnel:confirmation"), 0),
                Arguments.of(CodeChange.Outcome.SAME_AS_CURRENT, List.of("codePersonnel:code"), 0));
    }

    private static CodeChangePage codeChangePage(Change service, Person person, RecordedMessages messages) {
        CodeChangePage page = new CodeChangePage();
        page.person = person;
        page.codeChange = service;
        page.messages = messages;
        page.codeForm = new CodeForm(new CodePolicy(WizardFixture.COMMON_CODES));
        return page;
    }

    @ParameterizedTest(name = "{0}: a message at {1}")
    @MethodSource("afterNewCode")
    void each_answer_of_the_service_is_said_at_its_field(CodeChange.Outcome outcome, List<String> at, int renewals) {
        Change service = new Change();
        service.outcome = outcome;
        Person person = new Person();
        RecordedMessages messages = new RecordedMessages();
        CodeChangePage page = codeChangePage(service, person, messages);
        page.setCurrent(CURRENT);
        page.getCodeForm().setCode(NEW);
        page.getCodeForm().setConfirmation(NEW);
        page.submit();
        assertAll(
                () -> assertEquals(List.of(CURRENT + " → " + NEW + " (cle-de-session)"), service.asked, "this session is the one kept"),
                () -> assertEquals(at, messages.fields()),
                () -> assertEquals(outcome == CodeChange.Outcome.CHANGED, page.isChanged()),
                () -> assertEquals(renewals, person.renewed, "a new session id only once the code changed"),
                () -> assertEquals(renewals, person.proven, "the current code typed counts as a fresh login"),
                () -> assertEquals(null, page.getCurrent(), "the current code is not kept"));
    }

    static Stream<Arguments> incompleteCodeChanges() {
        return Stream.of(
                Arguments.of(null, NEW, NEW, List.of("codePersonnel:actuel")),
                Arguments.of(CURRENT, "", NEW, List.of("codePersonnel:code")),
                Arguments.of(CURRENT, "Abc", "Abc", List.of("codePersonnel:code")),
                Arguments.of(CURRENT, NEW, "Vosges*Rhin_89", List.of("codePersonnel:confirmation")),
                Arguments.of(null, "Abc", null, List.of("codePersonnel:actuel", "codePersonnel:confirmation", "codePersonnel:code")));
    }

    @ParameterizedTest(name = "{0} / {1} / {2}: at {3}")
    @MethodSource("incompleteCodeChanges")
    void what_the_page_can_check_itself_never_reaches_the_service(String current, String code, String confirmation, List<String> at) {
        Change service = new Change();
        RecordedMessages messages = new RecordedMessages();
        CodeChangePage page = codeChangePage(service, new Person(), messages);
        page.setCurrent(current);
        page.getCodeForm().setCode(code);
        page.getCodeForm().setConfirmation(confirmation);
        page.submit();
        assertEquals(List.of(), service.asked);
        assertEquals(at, messages.fields());
    }

    /** The closure service answering {@code outcome}. */
    static final class Closure extends AccountClosure {
        final List<String> asked = new ArrayList<>();
        AccountClosure.Outcome outcome = Outcome.CLOSED;

        @Override
        public Result close(Nir nir, String current) {
            asked.add(current);
            return new Result(outcome, outcome == Outcome.LOCKED ? UNTIL : null);
        }
    }

    static Stream<Arguments> closures() {
        return Stream.of(
                Arguments.of(CURRENT, true, AccountClosure.Outcome.CLOSED, "/index?faces-redirect=true&cloture=true", List.of(), 1),
                Arguments.of(CURRENT, true, AccountClosure.Outcome.CURRENT_WRONG, null, List.of("cloture:actuel"), 0),
                Arguments.of(CURRENT, true, AccountClosure.Outcome.LOCKED, null, List.of("cloture:actuel"), 0),
                Arguments.of(CURRENT, false, AccountClosure.Outcome.CLOSED, null, List.of("cloture:confirmer"), 0),
                Arguments.of("", true, AccountClosure.Outcome.CLOSED, null, List.of("cloture:actuel"), 0),
                Arguments.of(null, false, AccountClosure.Outcome.CLOSED, null, List.of("cloture:actuel", "cloture:confirmer"), 0));
    }

    @ParameterizedTest(name = "{0}, confirmed {1}, {2}: {3}")
    @MethodSource("closures")
    void the_account_is_closed_only_with_the_code_and_the_confirmation(String current, boolean confirmed, AccountClosure.Outcome outcome,
                                                                        String next, List<String> at, int logouts) throws Exception {
        Closure service = new Closure();
        service.outcome = outcome;
        Person person = new Person();
        RecordedMessages messages = new RecordedMessages();
        ClosurePage page = new ClosurePage();
        page.person = person;
        page.closure = service;
        page.messages = messages;
        page.setCurrent(current);
        page.setConfirmed(confirmed);
        assertAll(
                () -> assertEquals(next, page.close()),
                () -> assertEquals(at, messages.fields()),
                () -> assertEquals(current != null && !current.isBlank() && confirmed ? List.of(current) : List.of(), service.asked),
                () -> assertEquals(logouts, person.loggedOut, "this session ends with the account"));
    }

    /** « Télécharger mes données »: a file only once the code is proven again, when it must be; else a message. */
    static Stream<Arguments> downloads() {
        return Stream.of(
                Arguments.of(true, true, "json", List.of("mes-donnees-ameli.json application/json {\"json\"}"), List.of()),
                Arguments.of(true, true, "html", List.of("mes-donnees-ameli.html text/html <html/>"), List.of()),
                Arguments.of(false, true, "json", List.of(), List.of()),
                Arguments.of(true, false, "html", List.of(), List.of("null")));
    }

    @ParameterizedTest(name = "proven {0}, account {1}, {2}: {3}")
    @MethodSource("downloads")
    void the_data_is_given_as_a_file_only_once_the_code_is_proven_again(boolean proven, boolean account, String format,
                                                                          List<String> sent, List<String> messagesAt) {
        RecordedMessages messages = new RecordedMessages();
        List<String> files = new ArrayList<>();
        MyDataPage page = new MyDataPage();
        page.person = new Person();
        page.messages = messages;
        page.reauthentication = new Reauthentication() {
            @Override
            boolean confirmed(PageMessages m, String form, When when) {
                return proven;
            }
        };
        page.export = new fr.ameli.compte.application.espace.PersonalDataExport() {
            @Override
            public Optional<String> json(Nir nir) {
                return account ? Optional.of("{\"json\"}") : Optional.empty();
            }

            @Override
            public Optional<String> html(Nir nir) {
                return account ? Optional.of("<html/>") : Optional.empty();
            }
        };
        page.download = new FileDownload() {
            @Override
            void send(String fileName, String contentType, String content) {
                files.add(fileName + " " + contentType + " " + content);
            }
        };
        assertEquals(null, format.equals("json") ? page.downloadJson() : page.downloadHtml(), "the page stays");
        assertEquals(sent, files);
        assertEquals(messagesAt, messages.fields().stream().map(String::valueOf).toList());
    }
}
