package fr.ameli.compte.domain.account;

/**
 * The consents a person gives or withdraws about promotional information (PRODUCT §2.6, §2.11):
 * by email, and by calls or SMS on the phone numbers they gave. A phone's consents exist only
 * while its number does ({@link #phone()}); removing the number withdraws them.
 */
public enum Consent {
    EMAIL_PROMOTIONS(null),
    MOBILE_CALLS(PhoneNumber.Kind.MOBILE),
    MOBILE_SMS(PhoneNumber.Kind.MOBILE),
    LANDLINE_CALLS(PhoneNumber.Kind.LANDLINE);

    private final PhoneNumber.Kind phone;

    Consent(PhoneNumber.Kind phone) {
        this.phone = phone;
    }

    /** The number this consent needs, or null (the email is always there). */
    public PhoneNumber.Kind phone() {
        return phone;
    }
}
