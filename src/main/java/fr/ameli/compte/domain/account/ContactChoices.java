package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the person may be reached (PRODUCT §2.6): the mandatory email with its promotional consent,
 * and the optional mobile and landline numbers, each with its own consents. A consent about a
 * phone only exists when the phone does: without a number it is stored as null, never as a
 * silent « Oui ».
 *
 * <p>Each consent keeps when its answer was last given (PRODUCT §2.11: the person may see, and
 * the caisse prove, since when they accepted or refused): the wizard's answers are dated at the
 * account's creation, later ones in « Mon espace ». A phone's consents removed with its number
 * keep the date of the removal.
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
    @Column(name = "email_promotions_at")
    private Instant emailPromotionsAt;
    @Column(name = "mobile_calls_at")
    private Instant mobileCallsAt;
    @Column(name = "mobile_sms_at")
    private Instant mobileSmsAt;
    @Column(name = "landline_calls_at")
    private Instant landlineCallsAt;

    /**
     * What a change of the numbers did.
     *
     * @param numbersChanged whether a number was added, changed or removed
     * @param withdrawn      the consents that were given and went with a removed number
     */
    public record PhoneChange(boolean numbersChanged, Set<Consent> withdrawn) {
    }

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

    /** The answers given all at once (the wizard's last step) are dated {@code now}. */
    void answeredAt(Instant now) {
        for (Consent consent : Consent.values()) {
            if (answer(consent) != null) {
                date(consent, now);
            }
        }
    }

    /**
     * Gives or withdraws one consent. False when it already was so (nothing changes, not even its
     * date); a phone's consent needs its number.
     */
    boolean answer(Consent consent, boolean given, Instant now) {
        if (consent.phone() != null && number(consent.phone()) == null) {
            throw new IllegalStateException("No " + consent.phone() + " number for " + consent);
        }
        if (Boolean.valueOf(given).equals(answer(consent))) {
            return false;
        }
        set(consent, given);
        date(consent, now);
        return true;
    }

    /**
     * The numbers become these (null: none). A removed number takes its consents with it; an added
     * one starts without any consent given (the person gives them one by one, never by default);
     * a changed one keeps them: it is the same person's phone.
     */
    PhoneChange changePhones(PhoneNumber newMobile, PhoneNumber newLandline, Instant now) {
        if (newMobile != null && newMobile.kind() != PhoneNumber.Kind.MOBILE
                || newLandline != null && newLandline.kind() != PhoneNumber.Kind.LANDLINE) {
            throw new IllegalArgumentException("a number of the wrong kind");
        }
        Set<Consent> withdrawn = EnumSet.noneOf(Consent.class);
        boolean changed = replace(PhoneNumber.Kind.MOBILE, newMobile, now, withdrawn);
        changed |= replace(PhoneNumber.Kind.LANDLINE, newLandline, now, withdrawn);
        return new PhoneChange(changed, withdrawn);
    }

    private boolean replace(PhoneNumber.Kind kind, PhoneNumber typed, Instant now, Set<Consent> withdrawn) {
        String old = number(kind);
        String next = typed == null ? null : typed.national();
        if (Objects.equals(old, next)) {
            return false;
        }
        if (kind == PhoneNumber.Kind.MOBILE) {
            mobile = next;
        } else {
            landline = next;
        }
        for (Consent consent : Consent.values()) {
            if (consent.phone() != kind) {
                continue;
            }
            if (next == null) {
                if (Boolean.TRUE.equals(answer(consent))) {
                    withdrawn.add(consent);
                }
                set(consent, null);
                date(consent, now);
            } else if (old == null) {
                set(consent, false);
                date(consent, now);
            }
        }
        return true;
    }

    /** The number a phone consent needs, in national form, or null. */
    public String number(PhoneNumber.Kind kind) {
        return kind == PhoneNumber.Kind.MOBILE ? mobile : landline;
    }

    /** The consent's answer: true given, false not given, null when its number is not there. */
    public Boolean answer(Consent consent) {
        return switch (consent) {
            case EMAIL_PROMOTIONS -> emailPromotions;
            case MOBILE_CALLS -> mobileCalls;
            case MOBILE_SMS -> mobileSms;
            case LANDLINE_CALLS -> landlineCalls;
        };
    }

    /** When the consent's answer became what it is (given, withdrawn, or gone with its number); null if never answered. */
    public Instant answeredAt(Consent consent) {
        return switch (consent) {
            case EMAIL_PROMOTIONS -> emailPromotionsAt;
            case MOBILE_CALLS -> mobileCallsAt;
            case MOBILE_SMS -> mobileSmsAt;
            case LANDLINE_CALLS -> landlineCallsAt;
        };
    }

    private void set(Consent consent, Boolean given) {
        switch (consent) {
            case EMAIL_PROMOTIONS -> emailPromotions = Objects.requireNonNull(given, "the email is always there");
            case MOBILE_CALLS -> mobileCalls = given;
            case MOBILE_SMS -> mobileSms = given;
            case LANDLINE_CALLS -> landlineCalls = given;
        }
    }

    private void date(Consent consent, Instant at) {
        switch (consent) {
            case EMAIL_PROMOTIONS -> emailPromotionsAt = at;
            case MOBILE_CALLS -> mobileCallsAt = at;
            case MOBILE_SMS -> mobileSmsAt = at;
            case LANDLINE_CALLS -> landlineCallsAt = at;
        }
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
