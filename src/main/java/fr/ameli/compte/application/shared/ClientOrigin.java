package fr.ameli.compte.application.shared;

import jakarta.enterprise.context.RequestScoped;

import java.util.Map;

/**
 * Where the current request comes from, as the web layer determined it: the client's address,
 * for the per-address cap, the locks and the audit trail; and the remembered-browser cookies the
 * browser sent ({@link RememberedBrowsers}: their names and values, unchecked). Empty in timers.
 */
@RequestScoped
public class ClientOrigin {

    /** The names of remembered-browser cookies start so; the rest of the name tells whose account. */
    public static final String BROWSER_COOKIE_PREFIX = "ameli-appareil-";

    private String address;
    private Map<String, String> browserCookies = Map.of();
    private String userAgent;

    public String address() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    /** The request's cookies named {@value #BROWSER_COOKIE_PREFIX}…, by name. */
    public Map<String, String> browserCookies() {
        return browserCookies;
    }

    public void setBrowserCookies(Map<String, String> browserCookies) {
        this.browserCookies = Map.copyOf(browserCookies);
    }

    /** The User-Agent header as sent (a hint only: the client chooses it). */
    public String userAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }
}
