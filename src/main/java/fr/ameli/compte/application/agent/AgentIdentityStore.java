package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.domain.security.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.stream.Collectors;

/**
 * The agents' logins for Jakarta Security (PRODUCT §2.12): an {@link AgentCredential} — an agent
 * the organisation's provider vouched for — logs in with their roles as groups ({@code agent},
 * {@code superviseur}, which web.xml requires for {@code /agent/}); never the group
 * {@value AccountIdentityStore#INSURED}, so an agent's session opens no person's « Mon espace ».
 * Each login is an audit event naming the agent. Other credentials are not for this store.
 */
@ApplicationScoped
public class AgentIdentityStore implements IdentityStore {

    @Inject
    AuditTrail audit;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof AgentCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Agent agent = login.agent();
        if (agent.roles().isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        audit.recordForAgent(AuditEvent.Type.AGENT_LOGGED_IN, null, agent, null);
        return new CredentialValidationResult(agent.subject(),
                agent.roles().stream().map(AgentRole::group).collect(Collectors.toSet()));
    }
}
