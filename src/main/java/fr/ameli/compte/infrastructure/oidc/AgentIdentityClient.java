package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.agent.AgentIdentityProvider;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.infrastructure.config.AgentOidcSettings;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The agents' OpenID Connect client (PRODUCT §2.12): the shared {@link OpenIdConnectFlow} with the
 * {@code ameli.agent.oidc.*} settings. The agent is the token's subject; their roles are the
 * values of the configured claim that name {@code agent} or {@code superviseur} (a JSON list, or
 * one string separated by spaces or commas); a token naming neither is refused.
 */
@ApplicationScoped
public class AgentIdentityClient implements AgentIdentityProvider {

    @Inject
    AmeliConfig config;
    @Inject
    OpenIdConnectFlow flow;

    @Override
    public boolean enabled() {
        return config.agentOidc().isPresent();
    }

    @Override
    public URI redirectUri(URI callbackOfThisRequest) {
        return config.agentOidc().flatMap(AgentOidcSettings::redirectUrl).orElse(callbackOfThisRequest);
    }

    @Override
    public Map.Entry<URI, Pending> start(URI redirectUri) throws Refused {
        return flow.start(settings(), new Scope("openid", "profile"), redirectUri);
    }

    @Override
    public Agent finish(URI callback, Pending pending) throws Refused {
        AgentOidcSettings settings = settings();
        Map<String, Object> claims = flow.finish(settings, callback, pending, List.of(settings.rolesClaim(), settings.nameClaim()));
        Set<AgentRole> roles = roles(claims.get(settings.rolesClaim()));
        String subject = claims.get("sub") instanceof String s ? s : "";
        if (roles.isEmpty()) {
            throw new Refused("the token of " + subject + " names no role agent or superviseur in " + settings.rolesClaim(), null);
        }
        try {
            return new Agent(subject, claims.get(settings.nameClaim()) instanceof String n ? n : null, roles);
        } catch (IllegalArgumentException e) {
            throw new Refused("unusable subject: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<URI> logoutAt(URI afterwards) {
        return config.agentOidc().flatMap(settings -> flow.logoutAt(settings, afterwards));
    }

    /** The roles a claim's value names: a list of strings, or one string of words. */
    static Set<AgentRole> roles(Object claim) {
        Stream<String> values = claim instanceof Collection<?> list ? list.stream().map(String::valueOf)
                : claim instanceof String s ? Arrays.stream(s.split("[\\s,]+")) : Stream.empty();
        Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
        values.map(AgentRole::ofGroup).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }

    private AgentOidcSettings settings() throws Refused {
        return config.agentOidc().orElseThrow(() -> new Refused("the espace agent's provider is not configured", null));
    }
}
