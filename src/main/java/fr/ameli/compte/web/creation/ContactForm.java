package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.EmailTwice;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.PhoneFields;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.account.PhoneNumber;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * How the person may be reached (PRODUCT §2.6): the email typed twice with its promotional
 * consent, and the optional mobile and landline ({@link PhoneFields}, shared with « Mon espace »)
 * with theirs. Form {@code coordonnees}. A phone's consents are asked only once its number is given
 * ({@link ContactChoices} keeps them only then).
 */
public class ContactForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    static final String FORM = "coordonnees";

    /** The choices read, and the confirmation of the email as typed (the registration checks it again). */
    record Read(ContactChoices choices, EmailAddress emailConfirmation) {
    }

    private String email;
    private String emailConfirmation;
    private String emailPromotions;
    private final PhoneFields phones = new PhoneFields();
    private String mobileCalls;
    private String mobileSms;
    private String landlineCalls;

    /** The choices, or empty with a message at each field that is missing or refused. */
    Optional<Read> read(PageMessages messages) {
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<EmailTwice.Read> e = EmailTwice.read(fields, email, emailConfirmation);
        Optional<Boolean> promotions = fields.choice("promotions", emailPromotions, true, "contact.choiceRequired");
        Optional<PhoneNumber> m = phones.readMobile(fields);
        Optional<Boolean> mCalls = fields.choice("mobileAppels", mobileCalls, m.isPresent(), "contact.choiceRequired");
        Optional<Boolean> mSms = fields.choice("mobileSms", mobileSms, m.isPresent(), "contact.choiceRequired");
        Optional<PhoneNumber> l = phones.readLandline(fields);
        Optional<Boolean> lCalls = fields.choice("fixeAppels", landlineCalls, l.isPresent(), "contact.choiceRequired");
        if (messages.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Read(new ContactChoices(e.get().email(), promotions.get(), m.orElse(null), mCalls.orElse(null),
                mSms.orElse(null), l.orElse(null), lCalls.orElse(null)), e.get().confirmation()));
    }

    void emailNotConfirmed(PageMessages messages) {
        EmailTwice.notConfirmed(new FieldReader(messages, FORM));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailConfirmation() { return emailConfirmation; }
    public void setEmailConfirmation(String emailConfirmation) { this.emailConfirmation = emailConfirmation; }
    public String getEmailPromotions() { return emailPromotions; }
    public void setEmailPromotions(String emailPromotions) { this.emailPromotions = emailPromotions; }
    public PhoneFields getPhones() { return phones; }
    public String getMobileCalls() { return mobileCalls; }
    public void setMobileCalls(String mobileCalls) { this.mobileCalls = mobileCalls; }
    public String getMobileSms() { return mobileSms; }
    public void setMobileSms(String mobileSms) { this.mobileSms = mobileSms; }
    public String getLandlineCalls() { return landlineCalls; }
    public void setLandlineCalls(String landlineCalls) { this.landlineCalls = landlineCalls; }
}
