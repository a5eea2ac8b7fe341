package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.EmailTwice;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.espace.EmailChange;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * « Modifier mon adresse email » (PRODUCT §2.11; {@code espace/adresse-email.xhtml},
 * {@code #{emailChangePage}}): the new address typed twice, read as in the wizard
 * ({@link EmailTwice}), and the current code personnel, every time ({@link Reauthentication}:
 * the address is the key to every recovery). A confirmation link goes to the new address; the page answers the
 * same whether or not another account has it.
 */
@Named
@RequestScoped
public class EmailChangePage {

    static final String FORM = "adresseEmail";

    @Inject
    EmailChange emailChange;
    @Inject
    Reauthentication reauthentication;
    @Inject
    LoggedInPerson loggedIn;
    @Inject
    ServiceSettings settings;
    @Inject
    PageMessages messages;

    private String email;
    private String emailConfirmation;
    private EmailAddress sentTo;

    /** « Recevoir le lien de confirmation ». */
    public String submit() {
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<EmailTwice.Read> typed = EmailTwice.read(fields, email, emailConfirmation);
        boolean codeTyped = reauthentication.typed(messages, FORM, Reauthentication.When.ALWAYS);
        if (typed.isEmpty() || !codeTyped || !reauthentication.confirmed(messages, FORM, Reauthentication.When.ALWAYS)) {
            return null;
        }
        Optional<Nir> nir = loggedIn.nir();
        if (nir.isEmpty()) {
            return ContactSettingsPage.MY_SPACE;
        }
        EmailChange.Requested requested = emailChange.request(nir.get(), typed.get().email());
        switch (requested.status()) {
            case SENT -> sentTo = typed.get().email();
            case SAME_ADDRESS -> fields.error(EmailTwice.FIELD, "emailChange.same");
            case TOO_MANY -> messages.errorFormat(null, "emailChange.tooMany", FrenchTime.when(requested.tooManyUntil()));
        }
        return null;
    }

    public boolean isSent() {
        return sentTo != null;
    }

    /** « Un courriel vient d'être envoyé à … Le lien … est valable 24 heures … » ({@code ameli.email-change.validity}). */
    public String getSentText() {
        return Texts.format("emailChange.sent", sentTo.value(), FrenchTime.duration(settings.emailChangeValidity()));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEmailConfirmation() {
        return emailConfirmation;
    }

    public void setEmailConfirmation(String emailConfirmation) {
        this.emailConfirmation = emailConfirmation;
    }
}
