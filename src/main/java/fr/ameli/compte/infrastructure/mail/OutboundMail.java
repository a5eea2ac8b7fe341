package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A mail of the outbox: written in the transaction that causes it, delivered after that
 * transaction commits, retried with back-off until it leaves. Once sent, its bodies are cleared:
 * they may hold a secret link.
 */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;
    @Column(name = "subject", nullable = false, length = 200)
    private String subject;
    @Column(name = "body_text", length = 8000)
    private String bodyText;
    @Column(name = "body_html", length = 16000)
    private String bodyHtml;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "last_error", length = 500)
    private String lastError;
    @Column(name = "works_until")
    private Instant worksUntil;

    /** For JPA only. */
    protected OutboundMail() {
    }

    OutboundMail(MailMessage message, Long accountId, Instant now) {
        this.accountId = accountId;
        this.recipient = message.recipient();
        this.subject = message.subject();
        this.bodyText = message.text();
        this.bodyHtml = message.html();
        this.worksUntil = message.worksUntil();
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    MailMessage message() {
        return new MailMessage(recipient, subject, bodyText, bodyHtml, worksUntil);
    }

    void sent(Instant now) {
        sentAt = now;
        claimedUntil = null;
        bodyText = null;
        bodyHtml = null;
        lastError = null;
    }

    void failed(Instant now, String error, java.time.Duration backOff) {
        attempts++;
        claimedUntil = null;
        nextAttemptAt = now.plus(backOff);
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
    }

    public Long id() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public int attempts() {
        return attempts;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String lastError() {
        return lastError;
    }

    public boolean hasBody() {
        return bodyText != null;
    }
}
