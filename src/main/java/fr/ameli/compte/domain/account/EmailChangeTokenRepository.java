package fr.ameli.compte.domain.account;

import java.util.Optional;

/** The database of new email addresses waiting for their confirmation (PRODUCT §2.11). */
public interface EmailChangeTokenRepository {

    /** The account's unused links that confirm a new email address stop working (a new request replaces them). */
    void cancelEmailChanges(Account account);

    /** A link that confirms a new email address. */
    void addEmailChange(EmailChangeToken token);

    /** The confirmation link of a new email address (to spend it: {@link #findToSpend}). */
    Optional<EmailChangeToken> findEmailChange(String tokenHash);
}
