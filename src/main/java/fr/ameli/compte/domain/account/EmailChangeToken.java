package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The secret of the link that confirms a new email address (PRODUCT §2.11; valid
 * {@code ameli.email-change.validity}, 24 hours by default), and the address it would set: using it
 * makes that address the account's. Asking again replaces an unused one; a used one stays known so
 * that a second click says « déjà utilisé ».
 */
@Entity
@Table(name = "email_change_token")
public class EmailChangeToken extends SingleUseToken {

    @Column(name = "new_email", nullable = false, length = EmailAddress.MAX_LENGTH, updatable = false)
    private String newEmail;

    /** For JPA only. */
    protected EmailChangeToken() {
    }

    public EmailChangeToken(String tokenHash, Account account, EmailAddress newEmail, Instant expiresAt) {
        super(tokenHash, account, expiresAt);
        if (!account.isActive()) {
            throw new IllegalArgumentException("only an active account changes its address");
        }
        this.newEmail = Objects.requireNonNull(newEmail, "newEmail").value();
    }

    public EmailAddress newEmail() {
        return new EmailAddress(newEmail);
    }

    /** Uses the link: the account's address becomes the new one. Throws unless the link is valid now. */
    public void use(Instant now) {
        markUsed(now);
        account().changeEmail(newEmail());
    }
}
