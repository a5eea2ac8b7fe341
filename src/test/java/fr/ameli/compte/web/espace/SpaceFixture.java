package fr.ameli.compte.web.espace;

import java.util.Optional;
import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.web.creation.WizardFixture;
import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.espace.EmailChange;
import fr.ameli.compte.application.connexion.LoginOutcome;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The beans of « Mon espace » wired by hand, without a server: TOTO logged in at {@link #loggedInAt}
 * (the session a map), a code personnel that is right when it is {@link #RIGHT_CODE} (or locked),
 * the email-change service answering {@link #answer}, messages recorded.
 */
final class SpaceFixture {

    static final Clock CLOCK = WizardFixture.CLOCK;
    static final String CALLER = "2281231815001";
    static final String RIGHT_CODE = "Robert*123_A";
    static final Instant LOCKED_UNTIL = CLOCK.instant().plus(Duration.ofMinutes(15));

    final RecordedMessages messages = new RecordedMessages();
    final Map<String, Object> session = new HashMap<>();
    final List<String> codesChecked = new ArrayList<>();
    final List<EmailAddress> requested = new ArrayList<>();
    EmailChange.Requested answer = new EmailChange.Requested(EmailChange.Requested.Status.SENT, null);
    boolean locked;

    final Reauthentication reauthentication = new Reauthentication();
    final EmailChangePage emailChangePage = new EmailChangePage();

    SpaceFixture() {
        ServiceSettings settings = proxy(ServiceSettings.class, (method, args) -> switch (method) {
            case "reauthenticationAfter" -> Duration.ofMinutes(10);
            case "emailChangeValidity" -> Duration.ofHours(24);
            default -> throw new UnsupportedOperationException(method);
        });
        HttpSession httpSession = proxy(HttpSession.class, (method, args) -> switch (method) {
            case "getAttribute" -> session.get((String) args[0]);
            case "setAttribute" -> session.put((String) args[0], args[1]);
            default -> throw new UnsupportedOperationException(method);
        });
        HttpServletRequest request = proxy(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getSession" -> session.isEmpty() ? null : httpSession;
            default -> throw new UnsupportedOperationException(method);
        });
        LoginOutcome outcome = new LoginOutcome() {
            @Override
            public Refusal refusal() {
                return locked ? Refusal.LOCKED : Refusal.WRONG_CREDENTIALS;
            }

            @Override
            public Instant lockedUntil() {
                return locked ? LOCKED_UNTIL : null;
            }
        };
        reauthentication.identityStore = new AccountIdentityStore() {
            @Override
            public CredentialValidationResult checkCodePersonnel(UsernamePasswordCredential login) {
                codesChecked.add(login.getCaller() + " " + login.getPasswordAsString());
                return !locked && RIGHT_CODE.equals(login.getPasswordAsString())
                        ? new CredentialValidationResult(login.getCaller(), Set.of(INSURED)) : CredentialValidationResult.INVALID_RESULT;
            }
        };
        reauthentication.outcome = outcome;
        reauthentication.settings = settings;
        reauthentication.clock = CLOCK;
        reauthentication.request = request;

        emailChangePage.reauthentication = reauthentication;
        emailChangePage.settings = settings;
        emailChangePage.messages = messages;
        emailChangePage.loggedIn = new LoggedInPerson() {
            @Override
            Optional<Nir> nir() {
                return Optional.of(Nir.parse(CALLER));
            }
        };
        emailChangePage.emailChange = new EmailChange() {
            @Override
            public Requested request(Nir nir, EmailAddress newEmail) {
                if (!nir.digits13().equals(CALLER)) {
                    throw new AssertionError(nir.digits13());
                }
                requested.add(newEmail);
                return answer;
            }
        };
    }

    /** TOTO logged in (or last typed his code again) {@code ago} before the fixture's clock. */
    SpaceFixture loggedIn(Duration ago) {
        session.put(SessionLoginMechanism.CALLER, new SessionLoginMechanism.LoggedIn(CALLER, Set.of("assure"), "cle-de-session",
                ago == null ? null : CLOCK.instant().minus(ago)));
        return this;
    }

    /** When the session says TOTO last proved who he is. */
    Instant provenAt() {
        return ((SessionLoginMechanism.LoggedIn) session.get(SessionLoginMechanism.CALLER)).provenAt();
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> answer.answer(m.getName(), args));
    }
}
