package fr.ameli.compte.web;

import fr.ameli.compte.application.connexion.OpenIdProvider;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** An agent's login under way in this browser's session: what {@link AgentLoginServlet} expects back from the provider; taken once. */
@SessionScoped
public class AgentLoginHandOff implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private OpenIdProvider.Pending expected;

    void expect(OpenIdProvider.Pending pending) {
        this.expected = pending;
    }

    Optional<OpenIdProvider.Pending> takeExpected() {
        Optional<OpenIdProvider.Pending> taken = Optional.ofNullable(expected);
        expected = null;
        return taken;
    }
}
