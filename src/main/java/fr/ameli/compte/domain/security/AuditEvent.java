package fr.ameli.compte.domain.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of the audit trail the operators read: what happened to whose account, when, and from
 * which client address. The NIR appears only as its pseudonym (an HMAC with the service's secret),
 * so that the trail can be searched for a person without holding the NIR itself. The events of the
 * espace agent (PRODUCT §2.12, {@code AGENT_*}) also name the agent and the reason they gave.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public enum Type {
        ACCOUNT_CREATED,
        ACCOUNT_ACTIVATED,
        ACTIVATION_RESENT,
        CODE_RESET_REQUESTED,
        CODE_CHANGED,
        PROVISIONAL_CODE_SENT,
        PROVISIONAL_CODE_USED,
        PROVISIONAL_CODE_SPENT,
        ACCOUNT_EXPIRED,
        LOGIN_SUCCESS,
        LOGIN_FAILURE,
        LOGIN_LOCKED,
        LOGIN_CEILING_REACHED,
        SECURITY_CODE_SENT,
        SECURITY_CODE_FAILURE,
        SECURITY_CODE_LOCKED,
        SECURITY_CODE_ACCEPTED,
        DATA_EXPORTED,
        BROWSER_REMEMBERED,
        BROWSER_RECOGNISED,
        BROWSERS_FORGOTTEN,
        LOGGED_OUT_EVERYWHERE,
        ACCOUNT_CLOSED,
        PROOF_FAILURE,
        PROOF_LOCKED,
        IDENTITY_RATE_LIMITED,
        EMAIL_CHANGE_REQUESTED,
        EMAIL_CHANGE_CONFIRMED,
        EMAIL_CHANGE_REFUSED,
        PHONES_CHANGED,
        CONSENT_GIVEN,
        CONSENT_WITHDRAWN,
        AGENT_LOGGED_IN,
        AGENT_LOOKED_UP,
        AGENT_LOOKUPS_SLOWED,
        AGENT_LOCKS_LIFTED,
        AGENT_ACTIVATION_RESENT,
        AGENT_PROVISIONAL_CODE_SENT,
        AGENT_EMAIL_REPLACED,
        AGENT_ACCOUNT_CLOSED,
        AGENT_REGISTER_LOADED,
        AGENT_REGISTER_PERSON_ADDED,
        AGENT_REGISTER_PERSON_CHANGED,
        AGENT_ACTION_REFUSED,
        AGENT_SESSIONS_ENDED,
        AGENT_JOURNAL_READ,
        PASSKEY_ADDED,
        PASSKEY_RENAMED,
        PASSKEY_REMOVED,
        PASSKEY_FAILURE,
        PASSKEY_CLONE_SUSPECTED,
        AGENT_PASSKEYS_REMOVED
    }

    /** The longest reason kept (column {@code reason}); an agent's reason is at most as long. */
    public static final int REASON_MAX = 300;
    /** The longest agent subject kept (column {@code agent}). */
    public static final int AGENT_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false, length = 30)
    private Type event;
    @Column(name = "nir_hash", length = 64)
    private String nirHash;
    @Column(name = "client_address", length = 64)
    private String clientAddress;
    /** The subject of the agent who looked or acted (PRODUCT §2.12); null for the person's own events. */
    @Column(name = "agent", length = AGENT_MAX)
    private String agent;
    /** Why the agent looked or acted, as typed; null for the person's own events. */
    @Column(name = "reason", length = REASON_MAX)
    private String reason;

    /** For JPA only. */
    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Type event, String nirHash, String clientAddress) {
        this.occurredAt = occurredAt;
        this.event = event;
        this.nirHash = nirHash;
        this.clientAddress = clientAddress == null || clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
    }

    /** An event of the espace agent (PRODUCT §2.12): the same, naming the agent and their reason (either may be null). */
    public static AuditEvent byAgent(Instant occurredAt, Type event, String nirHash, String clientAddress, String agent, String reason) {
        AuditEvent e = new AuditEvent(occurredAt, event, nirHash, clientAddress);
        e.agent = cut(agent, AGENT_MAX);
        e.reason = cut(reason, REASON_MAX);
        return e;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Type event() {
        return event;
    }

    public String nirHash() {
        return nirHash;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String agent() {
        return agent;
    }

    public String reason() {
        return reason;
    }
}
