package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.shared.RecordedMessages;
import fr.ameli.compte.application.creation.AccountRequest;
import fr.ameli.compte.application.creation.IdentityCheck;
import fr.ameli.compte.application.creation.IdentityClaim;
import fr.ameli.compte.application.creation.PendingAccount;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import fr.ameli.compte.application.creation.Registration;
import fr.ameli.compte.application.creation.RegistrationRefused;
import fr.ameli.compte.application.creation.IdentityVerification;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.code.CommonCodes;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PersonalData;
import fr.ameli.compte.domain.person.PostalCode;
import jakarta.enterprise.context.Conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CreationWizard} wired by hand, without a server: a conversation that only records
 * whether it is running, services that answer what the test says, messages recorded.
 */
public final class WizardFixture {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    public static final IdentityClaim TOTO = new IdentityClaim(Nir.parse("2 28 12 31 815 001"), new PersonName("TOTO"),
            BirthDate.parse("03/12/1928", CLOCK), new PostalCode("31470"));

    /** A few entries of the list of common codes, enough for the rule to refuse one. */
    public static final CommonCodes COMMON_CODES = Set.of("azerty", "soleil", "motdepasse")::contains;
    public static final PersonalData TOTO_IN_REGISTER = new PersonalData(TOTO.nir(), TOTO.birthDate().value(), TOTO.name(), "Marie");

    final CreationWizard wizard = new CreationWizard();
    final RecordedMessages messages = new RecordedMessages();
    final TestConversation conversation = new TestConversation();
    final List<AccountRequest> registered = new ArrayList<>();
    final List<Object> flashed = new ArrayList<>();
    IdentityCheck identityAnswer = IdentityCheck.IDENTIFIED;
    /** Whom the register holds for the claim; null: nobody (any more). */
    PersonalData inRegister = TOTO_IN_REGISTER;
    RegistrationRefused.Reason refusal;

    public WizardFixture() {
        wizard.conversation = conversation;
        wizard.messages = messages;
        wizard.clock = CLOCK;
        wizard.pendingProof = new PendingActivationProof();
        wizard.franceConnect = new FranceConnectHandOff();
        wizard.codeForm = new CodeForm(new CodePolicy(COMMON_CODES));
        wizard.identityVerification = new IdentityVerification() {
            @Override
            public IdentityCheck identify(IdentityClaim claim) {
                return identityAnswer;
            }

            @Override
            public Optional<PersonalData> personalData(IdentityClaim claim) {
                return Optional.ofNullable(inRegister);
            }
        };
        wizard.registration = new Registration() {
            @Override
            public PendingAccount register(AccountRequest request) throws RegistrationRefused {
                if (refusal != null) {
                    throw new RegistrationRefused(refusal);
                }
                registered.add(request);
                return new PendingAccount("toto@example.fr", java.time.Duration.ofHours(48), Instant.now(CLOCK).plusSeconds(48 * 3600));
            }
        };
        wizard.flash = new FlashData() {
            @Override
            public void pendingAccount(PendingAccount pending) {
                flashed.add(pending);
            }

            @Override
            public void letterSent(ProvisionalCodes.LetterSent sent) {
                flashed.add(sent);
            }
        };
    }

    /** A running wizard whose person got as far as {@code step} (with TOTO identified). */
    WizardFixture at(WizardStep step) {
        conversation.begin();
        if (step.compareTo(WizardStep.VERIFICATION) >= 0) {
            wizard.progress.identified(TOTO);
        }
        wizard.progress.advanceTo(step);
        return this;
    }

    /** The contact step filled in as a person would, with a mobile number and its consents. */
    WizardFixture withContact() {
        ContactForm contact = wizard.getContactForm();
        contact.setEmail("toto@example.fr");
        contact.setEmailConfirmation("toto@example.fr");
        contact.setEmailPromotions("non");
        contact.getPhones().setMobile("06 12 34 56 78");
        contact.setMobileCalls("oui");
        contact.setMobileSms("non");
        return this;
    }

    static final class TestConversation implements Conversation {
        private boolean running;
        int ended;

        @Override public void begin() { running = true; }
        @Override public void begin(String id) { running = true; }
        @Override public void end() { running = false; ended++; }
        @Override public String getId() { return running ? "1" : null; }
        @Override public long getTimeout() { return 0; }
        @Override public void setTimeout(long milliseconds) { }
        @Override public boolean isTransient() { return !running; }
    }
}
