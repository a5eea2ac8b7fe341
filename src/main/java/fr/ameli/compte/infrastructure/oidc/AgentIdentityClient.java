package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.agent.AgentIdentityProvider;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.infrastructure.config.OpenIdSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The agents' client ({@code ameli.agent.oidc.*}, PRODUCT §2.12). The agent is the token's subject;
 * their roles are the values of the configured claim that name {@code agent} or {@code superviseur}
 * (a JSON list, or one string separated by spaces or commas); a token naming neither is refused.
 */
@ApplicationScoped
public class AgentIdentityClient extends OpenIdClient<Agent> implements AgentIdentityProvider {

    @Override
    protected Optional<OpenIdSettings> settings() {
        return config.agentOidc();
    }

    @Override
    protected String name() {
        return "the espace agent's provider";
    }

    @Override
    protected Scope scope() {
        return new Scope("openid", "profile");
    }

    @Override
    protected List<String> claims() {
        return List.of(config.agentRolesClaim(), config.agentNameClaim());
    }

    @Override
    protected Agent identity(Map<String, Object> claims) throws Refused {
        Set<AgentRole> roles = roles(claims.get(config.agentRolesClaim()));
        String subject = claims.get("sub") instanceof String s ? s : "";
        if (roles.isEmpty()) {
            throw new Refused("the token of " + subject + " names no role agent or superviseur in " + config.agentRolesClaim(), null);
        }
        try {
            return new Agent(subject, text(claims.get(config.agentNameClaim())), roles);
        } catch (IllegalArgumentException e) {
            throw new Refused("unusable subject: " + e.getMessage(), e);
        }
    }

    /** The roles a claim's value names: a list of strings, or one string of words. */
    static Set<AgentRole> roles(Object claim) {
        Stream<String> values = claim instanceof Collection<?> list ? list.stream().map(String::valueOf)
                : claim instanceof String s ? Arrays.stream(s.split("[\\s,]+")) : Stream.empty();
        Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
        values.map(AgentRole::ofGroup).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }
}
