package fr.ameli.compte.web;

import fr.ameli.compte.application.Activation;
import fr.ameli.compte.application.ActivationOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The page the activation link opens (SPEC §2.8): activates once, and says what happened. */
@Named
@RequestScoped
public class ActivationPage {

    @Inject
    Activation activation;

    private String token;
    private ActivationOutcome outcome = ActivationOutcome.UNKNOWN;

    public void activate() {
        outcome = activation.activate(token);
    }

    public ActivationOutcome getOutcome() {
        return outcome;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
