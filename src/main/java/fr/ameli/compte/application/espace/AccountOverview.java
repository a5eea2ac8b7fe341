package fr.ameli.compte.application.espace;

/**
 * What « Mon espace » shows (PRODUCT §2.9): whom to greet, the email and the communication choices
 * (phones in display form, consents as « Oui »/« Non » words decided by the page).
 */
public record AccountOverview(String givenNames, String familyName, String email, boolean emailPromotions,
                              String mobile, Boolean mobileCalls, Boolean mobileSms,
                              String landline, Boolean landlineCalls) {
}
