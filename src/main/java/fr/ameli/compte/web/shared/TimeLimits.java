package fr.ameli.compte.web.shared;

import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Conversation;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;

/**
 * The time limits a person meets while typing ({@code #{delais}} in the pages), and how long
 * before one the page warns with a dialog that offers « Prolonger » (RGAA 13.1, WCAG 2.2.1; the
 * dialog is in {@code WEB-INF/templates/page.xhtml}, run by {@code resources/js/delai.js}). A page
 * with a time limit gives its seconds left as the template's {@code delai} parameter.
 */
@Named("delais")
@ApplicationScoped
public class TimeLimits {

    @Inject
    ServiceSettings settings;
    @Inject
    HttpServletRequest request;
    @Inject
    Clock clock;

    /** A new wizard's conversation lives {@code ameli.wizard.timeout}; its session at least as long. */
    public void forWizard(Conversation conversation, HttpSession session) {
        long seconds = settings.wizardTimeout().toSeconds();
        conversation.setTimeout(seconds * 1000);
        if (session.getMaxInactiveInterval() > 0 && session.getMaxInactiveInterval() < seconds) {
            session.setMaxInactiveInterval((int) seconds);
        }
    }

    /** Seconds a wizard page stays usable without a request (each request starts the count again). */
    public long getWizardSeconds() {
        return settings.wizardTimeout().toSeconds();
    }

    /**
     * Seconds a logged-in page (Mon espace, the espace agent) stays usable without a request: its
     * session's idle timeout ({@code ameli.space.session-timeout}, {@code ameli.agent.session-timeout}).
     * Empty without a session: the page then has no time limit to warn of.
     */
    public Long getSessionSeconds() {
        HttpSession session = request.getSession(false);
        return session == null || session.getMaxInactiveInterval() <= 0 ? null : (long) session.getMaxInactiveInterval();
    }

    /**
     * Seconds left before an agent's session ends however busy ({@code ameli.agent.session-lifetime},
     * for security): no « Prolonger » goes past it. Empty for any other session.
     */
    public Long getSessionEndSeconds() {
        HttpSession session = request.getSession(false);
        return session == null ? null : SessionLoginMechanism.agentLoggedInAt(session)
                .map(since -> Math.max(0, Duration.between(clock.instant(), since.plus(settings.agentSessionLifetime())).toSeconds()))
                .orElse(null);
    }

    /** What the dialog says once « Prolonger » reaches that end: « … elle dure 8 heures au plus … ». */
    public String getSessionAtLongest() {
        return Texts.format("timeLimit.sessionAtLongest", fr.ameli.compte.application.shared.FrenchTime.duration(settings.agentSessionLifetime()));
    }

    /** Seconds a « Code oublié ? » link works after « Prolonger » on its page. */
    public long getCodeResetSeconds() {
        return settings.codeResetValidity().toSeconds();
    }

    /** Seconds before a limit that the dialog appears. */
    public long getWarningSeconds() {
        return settings.timeLimitWarning().toSeconds();
    }
}
