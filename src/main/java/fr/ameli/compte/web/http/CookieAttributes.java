package fr.ameli.compte.web.http;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every cookie the service sends is HttpOnly, SameSite (Lax unless it says Strict) and, over
 * HTTPS, Secure — whatever the server's configuration: the session cookie is written by the
 * server, which adds SameSite only when the pre-boot commands set it (the web.xml attribute is
 * ignored) and then writes it twice ({@code SameSite=Lax;SameSite=Lax}, Payara issue 7254), as it
 * does for the service's own cookies. {@link #complete} adds what a {@code Set-Cookie} header
 * lacks and keeps one of each attribute.
 */
final class CookieAttributes {

    private CookieAttributes() {
    }

    /** The header with HttpOnly, SameSite and (when {@code secure}) Secure, each once; the header itself when it had them. */
    static String complete(String setCookie, boolean secure) {
        String[] parts = setCookie.split(";");
        StringBuilder completed = new StringBuilder(parts[0].strip());
        Set<String> seen = new HashSet<>();
        boolean changed = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String name = attribute.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (attribute.isEmpty() || !seen.add(name)) {
                changed = true;
                continue;
            }
            completed.append("; ").append(attribute);
        }
        if (!seen.contains("httponly")) {
            completed.append("; HttpOnly");
            changed = true;
        }
        if (!seen.contains("samesite")) {
            completed.append("; SameSite=Lax");
            changed = true;
        }
        if (secure && !seen.contains("secure")) {
            completed.append("; Secure");
            changed = true;
        }
        return changed ? completed.toString() : setCookie;
    }
}
