package fr.ameli.compte.application.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The settings the use cases need, read from the service's configuration (implemented in
 * {@code infrastructure.config}, so that the use cases do not depend on how it is read).
 */
public interface ServiceSettings {

    /** Absolute URL that links in mails start with, ending with {@code /}. */
    URI baseUrl();

    /** How long an activation link stays valid. */
    Duration activationValidity();

    /** How long a « Code oublié ? » link stays valid. */
    Duration codeResetValidity();

    /** How long after it was sent « Prolonger » may still give a « Code oublié ? » link more time: never past it. */
    Duration codeResetLongestLife();

    /** How often unconfirmed activations are swept. */
    Duration activationSweepInterval();

    /** How long the link of an account the sweep removed still says « expiré » rather than « inconnu ». */
    Duration expiredLinkRetention();

    /** PBKDF2-HMAC-SHA256 iterations for codes personnels. */
    int codeHashIterations();

    /** How many code hashes may wait for a hashing thread, in all ({@code ameli.code.hashes-waiting}). */
    int codeHashesWaiting();

    /** How many code hashes one client address may have waiting or running ({@code ameli.code.hashes-per-address}). */
    int codeHashesPerAddress();

    /** How many requests are worked on at once per processor core (the others wait their turn). */
    int requestsAtOncePerCore();

    /** How many requests one client address may have waiting or worked on at once ({@code ameli.requests.per-address}). */
    int requestsPerAddress();

    /** How long a wizard left alone stays alive (its conversation, and at least as long its session). */
    Duration wizardTimeout();

    /** How long before a time limit the page warns and offers « Prolonger » (RGAA 13.1, WCAG 2.2.1). */
    Duration timeLimitWarning();

    /** How long the security code mailed at login works. */
    Duration securityCodeValidity();

    /** How long the link that confirms a new email address stays valid (PRODUCT §2.11). */
    Duration emailChangeValidity();

    /** How old a login may be before a sensitive change of « Mon espace » asks for the code personnel again (PRODUCT §2.11). */
    Duration reauthenticationAfter();

    /** How many failed logins of one NIR in a day, from all addresses, before it is slowed to one try a minute. */
    int loginFailuresPerDay();

    /** How many identity attempts (the wizard's identity step) one client address may make per minute. */
    int identityAttemptsPerMinute();

    /** How long a logged-in person's session left alone lasts (PRODUCT §2.11). */
    Duration spaceSessionTimeout();

    /** How long an agent's session left alone lasts: shorter than a person's (PRODUCT §2.12). */
    Duration agentSessionTimeout();

    /** How long an agent's session lasts at most, however busy (PRODUCT §2.12). */
    Duration agentSessionLifetime();

    /** How many look-ups one agent of the espace agent may make in an hour before they are slowed to one a minute (PRODUCT §2.12). */
    int agentLookUpsPerHour();

    /**
     * How many mails of one kind that a person asks for — activation, « Code oublié ? », a new address
     * to confirm, a security code — one NIR gets in an hour, so that nobody can flood a mailbox.
     */
    int mailsPerHour();

    /**
     * Whether passkeys are offered (PRODUCT §2.11 « Mes clés d'accès », §2.1): the login button and the
     * section of « Mon espace »; without them everything else works as before.
     */
    boolean passkeysEnabled();

    /**
     * The reverse proxies in front of the service ({@code ameli.trusted-proxies}, addresses and CIDR
     * ranges): for their requests the client's address and scheme are what they forward. None by default.
     */
    TrustedProxies trustedProxies();
}
