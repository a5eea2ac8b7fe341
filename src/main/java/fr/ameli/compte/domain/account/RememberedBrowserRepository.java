package fr.ameli.compte.domain.account;

import java.time.Instant;
import java.util.Optional;

/** The database of remembered browsers (« Cet appareil m'appartient », PRODUCT §2.10). */
public interface RememberedBrowserRepository {

    /** A browser the person said was theirs (« Cet appareil m'appartient »). */
    void addRememberedBrowser(RememberedBrowser browser);

    /** The remembered browser whose token has this hash. */
    Optional<RememberedBrowser> findRememberedBrowser(String tokenHash);

    /** The account's remembered browsers, the latest first. */
    java.util.List<RememberedBrowser> rememberedBrowsers(long accountId);

    /** Forgets every remembered browser of the account (a new code personnel); returns how many. */
    int forgetRememberedBrowsers(long accountId);

    /** Forgets the remembered browsers whose 30 days are over; returns how many. */
    int forgetExpiredBrowsers(Instant now);
}
