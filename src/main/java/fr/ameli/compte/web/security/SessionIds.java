package fr.ameli.compte.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A new session id whenever a person starts something that the session will then carry (a
 * wizard, a login): an id known before — planted by someone else, or seen on a shared town-hall
 * computer — cannot be used to ride it. Without a session yet there is nothing to renew: the one
 * created next gets a fresh id anyway.
 */
public final class SessionIds {

    private SessionIds() {
    }

    public static void renew(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }
}
