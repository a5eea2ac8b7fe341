package fr.ameli.compte.application.creation;

import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.EmailAddress;

import java.time.Instant;

/**
 * Everything the wizard gathered, handed over in one piece at its last step. The registration
 * checks all of it again: identity, proof, terms, code rules and confirmations.
 *
 * @param proof             the tails of IBAN and Vitale serial; null when the identity was proven by
 *                          a provisional code received by post
 * @param provisionalCodeId the provisional code whose login proved the identity (the registration
 *                          consumes that one); null when {@code proof} proved it
 * @param termsAcceptedAt   when the person accepted the terms of use (server time), null if not
 */
public record AccountRequest(IdentityClaim claim, IdentityProof proof, Long provisionalCodeId, Instant termsAcceptedAt,
                             String code, String codeConfirmation,
                             ContactChoices contact, EmailAddress emailConfirmation) {
}
