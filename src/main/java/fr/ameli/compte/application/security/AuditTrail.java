package fr.ameli.compte.application.security;

import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.SecurityRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Records account events for the operators (created, activated, expired, login success and
 * failure, locks), with the time, the NIR's pseudonym and the client address. Written in the
 * caller's transaction when there is one: an account that was not created leaves no « created »
 * line; a login failure (no transaction) is written on its own. The espace agent's look-ups and
 * actions (PRODUCT §2.12) also name the agent and their reason.
 */
@Stateless
public class AuditTrail {

    @Inject
    SecurityRepository repository;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ClientOrigin origin;
    @Inject
    Clock clock;

    public void record(AuditEvent.Type type, Nir nir) {
        repository.record(new AuditEvent(clock.instant(), type, nir == null ? null : pseudonyms.of(nir), origin.address()));
    }

    /**
     * An agent's attempt that their role does not allow (PRODUCT §2.12): audited in a transaction of
     * its own, since the refusal rolls the caller's back; the reason names the action.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(Agent agent, fr.ameli.compte.domain.agent.AgentAction action, Nir nir) {
        recordForAgent(AuditEvent.Type.AGENT_ACTION_REFUSED, nir, agent, new AgentReason("action refusée à ce rôle : " + action.name()));
    }

    /** An event of the espace agent: the agent's subject and the reason they gave ({@code nir} and {@code reason} may be null, as at the agent's login). */
    public void recordForAgent(AuditEvent.Type type, Nir nir, Agent agent, AgentReason reason) {
        repository.record(AuditEvent.byAgent(clock.instant(), type, nir == null ? null : pseudonyms.of(nir), origin.address(),
                agent.subject(), reason == null ? null : reason.text()));
    }
}
