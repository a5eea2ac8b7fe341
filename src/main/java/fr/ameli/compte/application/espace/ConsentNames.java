package fr.ameli.compte.application.espace;

import fr.ameli.compte.domain.account.Consent;

/**
 * A consent's name in field ids and message keys ({@code consent.<name>.title}…), the wizard's field
 * name: the pages and the data export say each consent with the same words.
 */
public final class ConsentNames {

    private ConsentNames() {
    }

    public static String of(Consent consent) {
        return switch (consent) {
            case EMAIL_PROMOTIONS -> "promotions";
            case MOBILE_CALLS -> "mobileAppels";
            case MOBILE_SMS -> "mobileSms";
            case LANDLINE_CALLS -> "fixeAppels";
        };
    }
}
