package fr.ameli.compte.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * How the person may be reached (PRODUCT §2.6): the mandatory email with its promotional consent,
 * and the optional mobile and landline numbers, each with its own consents. A consent about a
 * phone only exists when the phone does: without a number it is stored as null, never as a
 * silent « Oui ».
 */
@Embeddable
public class ContactChoices {

    @Column(name = "email", nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;
    @Column(name = "email_promotions", nullable = false)
    private boolean emailPromotions;
    @Column(name = "mobile", length = 10)
    private String mobile;
    @Column(name = "mobile_calls")
    private Boolean mobileCalls;
    @Column(name = "mobile_sms")
    private Boolean mobileSms;
    @Column(name = "landline", length = 10)
    private String landline;
    @Column(name = "landline_calls")
    private Boolean landlineCalls;

    /** For JPA only. */
    protected ContactChoices() {
    }

    public ContactChoices(EmailAddress email, boolean emailPromotions,
                          PhoneNumber mobile, Boolean mobileCalls, Boolean mobileSms,
                          PhoneNumber landline, Boolean landlineCalls) {
        this.email = Objects.requireNonNull(email, "email").value();
        this.emailPromotions = emailPromotions;
        if (mobile != null) {
            if (mobile.kind() != PhoneNumber.Kind.MOBILE) {
                throw new IllegalArgumentException("not a mobile number");
            }
            this.mobile = mobile.national();
            this.mobileCalls = Objects.requireNonNull(mobileCalls, "mobileCalls");
            this.mobileSms = Objects.requireNonNull(mobileSms, "mobileSms");
        }
        if (landline != null) {
            if (landline.kind() != PhoneNumber.Kind.LANDLINE) {
                throw new IllegalArgumentException("not a landline number");
            }
            this.landline = landline.national();
            this.landlineCalls = Objects.requireNonNull(landlineCalls, "landlineCalls");
        }
    }

    /** The address confirmed on « Modifier mon adresse email »; the consents stay as they were. */
    void changeEmail(EmailAddress newEmail) {
        this.email = Objects.requireNonNull(newEmail, "newEmail").value();
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public boolean emailPromotions() {
        return emailPromotions;
    }

    /** The mobile number in national form (0612345678), or null. */
    public String mobile() {
        return mobile;
    }

    public Boolean mobileCalls() {
        return mobileCalls;
    }

    public Boolean mobileSms() {
        return mobileSms;
    }

    /** The landline number in national form, or null. */
    public String landline() {
        return landline;
    }

    public Boolean landlineCalls() {
        return landlineCalls;
    }
}
