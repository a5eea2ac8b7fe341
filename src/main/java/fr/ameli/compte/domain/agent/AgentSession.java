package fr.ameli.compte.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login of an agent to the espace agent (PRODUCT §2.12): the hash of the random key the agent's
 * HTTP session holds, whose agent it is, and until when it may last — an absolute lifetime, however
 * busy the session, and until a superviseur ends it. Checked on every request of the session, on
 * every server.
 */
@Entity
@Table(name = "agent_session")
public class AgentSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "session_key", length = 64, nullable = false, updatable = false)
    private String sessionKey;
    @Column(name = "agent", length = 100, nullable = false, updatable = false)
    private String agent;
    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    /** For JPA only. */
    protected AgentSession() {
    }

    public AgentSession(String sessionKeyHash, String agentSubject, Instant now, Duration lifetime) {
        this.sessionKey = Objects.requireNonNull(sessionKeyHash, "sessionKeyHash");
        this.agent = Objects.requireNonNull(agentSubject, "agentSubject");
        this.openedAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** Whether the session may still be used at {@code now}: not ended, and within its lifetime. */
    public boolean openAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public String agent() {
        return agent;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
