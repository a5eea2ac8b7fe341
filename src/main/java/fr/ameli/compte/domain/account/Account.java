package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A compte ameli: one per NIR (a unique constraint backs it), created {@code PENDING_ACTIVATION}
 * with the terms accepted, a hashed code personnel and the contact choices, and made
 * {@code ACTIVE} once by its activation token. The code is only ever held as a salted slow hash:
 * this class never sees the code itself.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "nir", nullable = false, unique = true, length = 15, updatable = false)
    private String nir;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private AccountStatus status;

    @Column(name = "code_hash", nullable = false, length = 512)
    private String codeHash;

    @Column(name = "terms_accepted_at", nullable = false)
    private Instant termsAcceptedAt;

    @Embedded
    private ContactChoices contact;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "nir_hash", length = 64, updatable = false)
    private String nirHash;

    @Column(name = "link_sent_at")
    private Instant linkSentAt;

    /** The handle authenticators know the account by (passkeys, PRODUCT §2.11): random, never the NIR; given at the first passkey. */
    @Column(name = "user_handle", length = 64)
    private String userHandle;

    /** For JPA only. */
    protected Account() {
    }

    private Account(Nir nir, String nirHash, String codeHash, Instant termsAcceptedAt, ContactChoices contact, Instant now) {
        this.nir = Objects.requireNonNull(nir, "nir").fullForm();
        this.nirHash = nirHash;
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.termsAcceptedAt = Objects.requireNonNull(termsAcceptedAt, "termsAcceptedAt");
        this.contact = Objects.requireNonNull(contact, "contact");
        contact.answeredAt(now);
        this.status = AccountStatus.PENDING_ACTIVATION;
        this.createdAt = now;
        this.linkSentAt = now;
    }

    /**
     * A new account, waiting for its activation link to be followed.
     *
     * @param nirHash the NIR's pseudonym, kept so that the audit trail can name the account after
     *                it is gone
     */
    public static Account pending(Nir nir, String nirHash, String codeHash, Instant termsAcceptedAt,
                                  ContactChoices contact, Instant now) {
        return new Account(nir, nirHash, codeHash, termsAcceptedAt, contact, now);
    }

    /** Follows the activation link: only a pending account becomes active, and only once. */
    public void activate(Instant now) {
        if (status != AccountStatus.PENDING_ACTIVATION) {
            throw new IllegalStateException("Account already " + status);
        }
        status = AccountStatus.ACTIVE;
        activatedAt = now;
    }

    /** « Code oublié ? »: the code personnel is replaced (by its hash); the old one stops working. */
    public void changeCode(String newCodeHash) {
        if (!isActive()) {
            throw new IllegalStateException("Account " + status);
        }
        codeHash = Objects.requireNonNull(newCodeHash, "newCodeHash");
    }

    /** « Modifier mon adresse email », once the new address is confirmed (PRODUCT §2.11). */
    public void changeEmail(EmailAddress newEmail) {
        if (!isActive()) {
            throw new IllegalStateException("Account " + status);
        }
        contact.changeEmail(newEmail);
    }

    /**
     * « Mon espace »: the phone numbers become these (null: none); a removed number's consents go
     * with it (PRODUCT §2.11).
     */
    public ContactChoices.PhoneChange changePhones(PhoneNumber mobile, PhoneNumber landline, Instant now) {
        requireActive();
        return contact.changePhones(mobile, landline, now);
    }

    /**
     * « Mon espace »: gives or withdraws one consent, in one action either way (RGPD art. 7(3)).
     * False when it already was so. A phone's consent needs its number ({@link IllegalStateException}).
     */
    public boolean answer(Consent consent, boolean given, Instant now) {
        requireActive();
        return contact.answer(consent, given, now);
    }

    /** The handle passkeys name the account by (Base64url of random bytes); given once, at the first passkey. */
    public String userHandle(java.util.function.Supplier<String> newHandle) {
        requireActive();
        if (userHandle == null) {
            userHandle = Objects.requireNonNull(newHandle.get(), "newHandle");
        }
        return userHandle;
    }

    /** The handle, if the account was ever given one. */
    public java.util.Optional<String> userHandle() {
        return java.util.Optional.ofNullable(userHandle);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("Account " + status);
        }
    }

    /** A new activation link was sent: the validity period starts again from now. */
    public void linkResent(Instant now) {
        if (status != AccountStatus.PENDING_ACTIVATION) {
            throw new IllegalStateException("Account already " + status);
        }
        linkSentAt = now;
    }

    public Instant linkSentAt() {
        return linkSentAt;
    }

    public Long id() {
        return id;
    }

    public Nir nir() {
        return Nir.parseFullForm(nir);
    }

    public AccountStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant termsAcceptedAt() {
        return termsAcceptedAt;
    }

    public ContactChoices contact() {
        return contact;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String nirHash() {
        return nirHash;
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + status + "]";
    }
}
