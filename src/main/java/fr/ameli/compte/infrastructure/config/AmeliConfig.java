package fr.ameli.compte.infrastructure.config;

import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.shared.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The service's configuration (PRODUCT §6), read once through MicroProfile Config so that system
 * properties and environment variables ({@code AMELI_SMTP_PORT}) override the defaults of
 * {@code META-INF/microprofile-config.properties}. Every key is converted by MicroProfile Config
 * (durations by {@link DurationConverter}, lists split at commas) and checked here, at start, so
 * that an operator's typo stops the deployment with a message naming the key instead of failing
 * later inside a user's request.
 */
@ApplicationScoped
public class AmeliConfig implements ServiceSettings {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AmeliConfig.class.getName());

    /** How the activation and other mails leave the service. */
    public enum MailMode { SMTP, FILE }

    @Inject @ConfigProperty(name = "ameli.base-url")
    String baseUrl;
    @Inject @ConfigProperty(name = "ameli.data-dir")
    String dataDir;
    /**
     * The demo ({@code ameli.demo}: the README's run command, the image with {@code AMELI_DEMO=true}):
     * mails written to files, the fictitious register, the secret key generated into the database.
     * Off by default: a real deployment is safe without knowing this key.
     */
    @Inject @ConfigProperty(name = "ameli.demo", defaultValue = "false")
    boolean demo;
    /** The service's secret key (Base64, 32 bytes or more), as a value — e.g. the environment variable AMELI_SECRET_KEY. */
    @Inject @ConfigProperty(name = "ameli.secret-key")
    Optional<String> secretKey;
    /** A file that holds it (a Docker or compose secret, /run/secrets/…): what an operator should prefer. */
    @Inject @ConfigProperty(name = "ameli.secret-key.file")
    Optional<String> secretKeyFile;
    @Inject @ConfigProperty(name = "ameli.mail.mode")
    Optional<String> mailMode;
    @Inject @ConfigProperty(name = "ameli.smtp.host")
    Optional<String> smtpHost;
    @Inject @ConfigProperty(name = "ameli.smtp.port")
    int smtpPort;
    @Inject @ConfigProperty(name = "ameli.mail.from")
    String mailFrom;
    @Inject @ConfigProperty(name = "ameli.registry.csv")
    Optional<String> registryCsv;
    @Inject @ConfigProperty(name = "ameli.registry.demo")
    Optional<Boolean> registryDemo;
    @Inject @ConfigProperty(name = "ameli.activation.validity")
    Duration activationValidity;
    @Inject @ConfigProperty(name = "ameli.code-reset.validity")
    Duration codeResetValidity;
    @Inject @ConfigProperty(name = "ameli.code-reset.longest-life")
    Duration codeResetLongestLife;
    @Inject @ConfigProperty(name = "ameli.activation.sweep-interval")
    Duration activationSweepInterval;
    @Inject @ConfigProperty(name = "ameli.activation.expired-link-retention")
    Duration expiredLinkRetention;
    @Inject @ConfigProperty(name = "ameli.code.hash-iterations")
    int codeHashIterations;
    @Inject @ConfigProperty(name = "ameli.code.hashes-waiting")
    int codeHashesWaiting;
    @Inject @ConfigProperty(name = "ameli.code.hashes-per-address")
    int codeHashesPerAddress;
    @Inject @ConfigProperty(name = "ameli.throttle.identity-attempts-per-minute")
    int identityAttemptsPerMinute;
    @Inject @ConfigProperty(name = "ameli.throttle.login-failures-per-day")
    int loginFailuresPerDay;
    @Inject @ConfigProperty(name = "ameli.requests.at-once-per-core")
    int requestsAtOncePerCore;
    @Inject @ConfigProperty(name = "ameli.requests.per-address")
    int requestsPerAddress;
    /** For {@code ameli.trusted-proxies}: Payara cannot inject an {@code Optional<List<String>>}. */
    @Inject
    Config mpConfig;
    @Inject @ConfigProperty(name = "ameli.mail.retry-interval")
    Duration mailRetryInterval;
    @Inject @ConfigProperty(name = "ameli.security-code.validity")
    Duration securityCodeValidity;
    @Inject @ConfigProperty(name = "ameli.wizard.timeout")
    Duration wizardTimeout;
    @Inject @ConfigProperty(name = "ameli.time-limit.warning")
    Duration timeLimitWarning;
    @Inject @ConfigProperty(name = "ameli.email-change.validity")
    Duration emailChangeValidity;
    @Inject @ConfigProperty(name = "ameli.space.reauthentication-after")
    Duration reauthenticationAfter;
    /** Read in {@link #check} ({@link OpenIdSettings#read}): empty until issuer, client id and secret are set. */
    Optional<OpenIdSettings> franceConnect = Optional.empty();
    Optional<OpenIdSettings> agentOidc = Optional.empty();
    /** The level asked of FranceConnect: {@code eidas1} (the security code follows) or {@code eidas2} (FranceConnect+). */
    @Inject @ConfigProperty(name = "ameli.franceconnect.acr-values", defaultValue = "eidas1")
    String franceConnectAcrValues;
    /** The agents' token's claims holding their roles ({@code agent}, {@code superviseur}) and their name. */
    @Inject @ConfigProperty(name = "ameli.agent.oidc.roles-claim", defaultValue = "roles")
    String agentRolesClaim;
    @Inject @ConfigProperty(name = "ameli.agent.oidc.name-claim", defaultValue = "name")
    String agentNameClaim;
    @Inject @ConfigProperty(name = "ameli.space.session-timeout")
    Duration spaceSessionTimeout;
    @Inject @ConfigProperty(name = "ameli.agent.session-timeout")
    Duration agentSessionTimeout;
    @Inject @ConfigProperty(name = "ameli.agent.session-lifetime")
    Duration agentSessionLifetime;
    @Inject @ConfigProperty(name = "ameli.agent.look-ups-per-hour")
    int agentLookUpsPerHour;
    @Inject @ConfigProperty(name = "ameli.mail.per-hour")
    int mailsPerHour;
    @Inject @ConfigProperty(name = "ameli.passkeys.enabled", defaultValue = "true")
    boolean passkeysEnabled;
    @Inject @ConfigProperty(name = "ameli.passkeys.rp-id")
    Optional<String> passkeysRpId;
    @Inject @ConfigProperty(name = "ameli.backup.dir")
    Optional<String> backupDir;
    @Inject @ConfigProperty(name = "ameli.backup.interval")
    Optional<Duration> backupInterval;
    @Inject @ConfigProperty(name = "ameli.backup.keep")
    int backupKeep;

    private TrustedProxies trustedProxies;

    @PostConstruct
    void check() {
        baseUrl();
        if (mailMode() == MailMode.SMTP && smtpHost().isEmpty()) {
            throw invalid("ameli.smtp.host", "", "the name or address of the SMTP relay the mails leave through"
                    + " (or ameli.demo=true for a demo, whose mails are written to files)");
        }
        requirePositive("ameli.activation.validity", activationValidity);
        requirePositive("ameli.activation.sweep-interval", activationSweepInterval);
        requirePositive("ameli.activation.expired-link-retention", expiredLinkRetention);
        requirePositive("ameli.code-reset.validity", codeResetValidity);
        if (codeResetLongestLife.compareTo(codeResetValidity) < 0) {
            throw invalid("ameli.code-reset.longest-life", codeResetLongestLife.toString(),
                    "a duration at least as long as ameli.code-reset.validity");
        }
        requirePositive("ameli.mail.retry-interval", mailRetryInterval);
        requirePositive("ameli.security-code.validity", securityCodeValidity);
        requirePositive("ameli.wizard.timeout", wizardTimeout);
        requirePositive("ameli.time-limit.warning", timeLimitWarning);
        requirePositive("ameli.email-change.validity", emailChangeValidity);
        requirePositive("ameli.space.reauthentication-after", reauthenticationAfter);
        requirePositive("ameli.space.session-timeout", spaceSessionTimeout);
        requirePositive("ameli.agent.session-timeout", agentSessionTimeout);
        requirePositive("ameli.agent.session-lifetime", agentSessionLifetime);
        // The warning comes before each limit it warns of (the pages' « Prolonger » dialog).
        for (Map.Entry<String, Duration> limit : List.of(Map.entry("ameli.wizard.timeout", wizardTimeout),
                Map.entry("ameli.space.session-timeout", spaceSessionTimeout), Map.entry("ameli.agent.session-timeout", agentSessionTimeout))) {
            if (timeLimitWarning.compareTo(limit.getValue()) >= 0) {
                throw invalid("ameli.time-limit.warning", timeLimitWarning.toString(), "a duration shorter than " + limit.getKey());
            }
        }
        if (requestsAtOncePerCore < 1) {
            throw invalid("ameli.requests.at-once-per-core", String.valueOf(requestsAtOncePerCore), "a positive number");
        }
        if (requestsPerAddress < 1) {
            throw invalid("ameli.requests.per-address", String.valueOf(requestsPerAddress), "a positive number");
        }
        if (loginFailuresPerDay < 1) {
            throw invalid("ameli.throttle.login-failures-per-day", String.valueOf(loginFailuresPerDay), "a positive number");
        }
        if (identityAttemptsPerMinute < 1) {
            throw invalid("ameli.throttle.identity-attempts-per-minute", String.valueOf(identityAttemptsPerMinute), "a positive number");
        }
        if (agentLookUpsPerHour < 1) {
            throw invalid("ameli.agent.look-ups-per-hour", String.valueOf(agentLookUpsPerHour), "a positive number");
        }
        if (mailsPerHour < 1) {
            throw invalid("ameli.mail.per-hour", String.valueOf(mailsPerHour), "a positive number");
        }
        passkeysRpId();
        if (smtpPort < 1 || smtpPort > 65535) {
            throw invalid("ameli.smtp.port", String.valueOf(smtpPort), "a TCP port between 1 and 65535");
        }
        if (codeHashIterations < 1) {
            throw invalid("ameli.code.hash-iterations", String.valueOf(codeHashIterations), "a positive number");
        }
        if (codeHashesWaiting < 1) {
            throw invalid("ameli.code.hashes-waiting", String.valueOf(codeHashesWaiting), "a positive number");
        }
        if (codeHashesPerAddress < 1) {
            throw invalid("ameli.code.hashes-per-address", String.valueOf(codeHashesPerAddress), "a positive number");
        }
        checkBackups();
        givenSecretKey();
        trustedProxies = trustedProxies(mpConfig.getOptionalValues("ameli.trusted-proxies", String.class).orElse(List.of()));
        franceConnect = OpenIdSettings.read("ameli.franceconnect", key -> mpConfig.getOptionalValue(key, String.class));
        agentOidc = OpenIdSettings.read("ameli.agent.oidc", key -> mpConfig.getOptionalValue(key, String.class));
        if (trustedProxies.isEmpty() && "https".equalsIgnoreCase(baseUrl().getScheme())) {
            LOG.warning("ameli.base-url is https but ameli.trusted-proxies names no proxy: behind a proxy that ends TLS, the "
                    + "service cannot tell that its requests came over HTTPS (cookies without Secure, no HSTS). List the proxies' addresses.");
        }
    }

    /** {@code ameli.trusted-proxies}: addresses and CIDR ranges, or the deployment stops naming the key. */
    static TrustedProxies trustedProxies(List<String> entries) {
        try {
            return TrustedProxies.parse(entries);
        } catch (IllegalArgumentException e) {
            throw invalid("ameli.trusted-proxies", String.join(",", entries), "IP addresses and CIDR ranges (10.0.0.0/8, fd00::/8), comma-separated");
        }
    }

    /** The absolute URL links in mails start with, always ending with {@code /}. */
    @Override
    public URI baseUrl() {
        try {
            URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (!uri.isAbsolute()) {
                throw invalid("ameli.base-url", baseUrl, "an absolute URL such as https://compte.ameli.fr/");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("ameli.base-url", baseUrl, "an absolute URL such as https://compte.ameli.fr/");
        }
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /**
     * The service's secret key when the operator gives it ({@code ameli.secret-key.file}, or
     * {@code ameli.secret-key}): the key of the pseudonyms and of the register's keyed hashes, kept
     * out of the database and its backups. Empty when none is given (README « The secret key »).
     *
     * @throws IllegalStateException naming the key when the file cannot be read or the value is not
     *                               Base64 of 32 bytes or more
     */
    public Optional<byte[]> givenSecretKey() {
        Optional<String> file = secretKeyFile.map(String::strip).filter(f -> !f.isEmpty());
        Optional<String> value = secretKey.map(String::strip).filter(v -> !v.isEmpty());
        if (file.isPresent() && value.isPresent()) {
            throw invalid("ameli.secret-key", "…", "only one of ameli.secret-key and ameli.secret-key.file");
        }
        if (file.isPresent()) {
            try {
                return Optional.of(secretKey("ameli.secret-key.file", java.nio.file.Files.readString(Path.of(file.get())).strip()));
            } catch (java.io.IOException e) {
                throw invalid("ameli.secret-key.file", file.get(), "a file this server can read, holding the key in Base64");
            }
        }
        return value.map(v -> secretKey("ameli.secret-key", v));
    }

    private static byte[] secretKey(String key, String base64) {
        try {
            byte[] decoded = java.util.Base64.getDecoder().decode(base64);
            if (decoded.length >= 32) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        // The value itself is never written into a message.
        throw invalid(key, "…", "a key in Base64 of 32 bytes or more (openssl rand -base64 32)");
    }

    /** Whether this is the demo ({@code ameli.demo}). */
    public boolean demo() {
        return demo;
    }

    /** How mails leave: {@code ameli.mail.mode}, else files in the demo and the SMTP relay otherwise. */
    public MailMode mailMode() {
        Optional<String> configured = mailMode.map(String::strip).filter(m -> !m.isEmpty());
        if (configured.isEmpty()) {
            return demo ? MailMode.FILE : MailMode.SMTP;
        }
        try {
            return MailMode.valueOf(configured.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("ameli.mail.mode", configured.get(), "smtp or file");
        }
    }

    /** The SMTP relay (required when mails are sent by SMTP: {@link #check}). */
    public String smtpHost() {
        return smtpHost.map(String::strip).orElse("");
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String mailFrom() {
        return mailFrom;
    }

    /** The register extract to load at start-up, if the operator named one. */
    public Optional<Path> registryCsv() {
        return registryCsv.map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
    }

    /**
     * Whether the fictitious demo register loads into an empty register. Unless the operator says
     * otherwise, it does only in the demo ({@code ameli.demo}) and when no real extract is configured:
     * a real register must never receive fictitious persons by accident.
     */
    public boolean registryDemo() {
        return registryDemo.orElse(demo && registryCsv().isEmpty());
    }

    @Override
    public Duration activationValidity() {
        return activationValidity;
    }

    @Override
    public Duration codeResetValidity() {
        return codeResetValidity;
    }

    @Override
    public Duration codeResetLongestLife() {
        return codeResetLongestLife;
    }

    @Override
    public Duration activationSweepInterval() {
        return activationSweepInterval;
    }

    @Override
    public Duration expiredLinkRetention() {
        return expiredLinkRetention;
    }

    @Override
    public int codeHashIterations() {
        return codeHashIterations;
    }

    @Override
    public int codeHashesWaiting() {
        return codeHashesWaiting;
    }

    @Override
    public int codeHashesPerAddress() {
        return codeHashesPerAddress;
    }

    @Override
    public int requestsAtOncePerCore() {
        return requestsAtOncePerCore;
    }

    @Override
    public int requestsPerAddress() {
        return requestsPerAddress;
    }

    @Override
    public int loginFailuresPerDay() {
        return loginFailuresPerDay;
    }

    @Override
    public int identityAttemptsPerMinute() {
        return identityAttemptsPerMinute;
    }

    /**
     * The reverse proxies (load balancers) in front of the service: for a request coming from one of
     * them, the client's address and scheme are what it forwards (Forwarded, X-Forwarded-For/-Proto).
     */
    @Override
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    @Override
    public Duration securityCodeValidity() {
        return securityCodeValidity;
    }

    @Override
    public Duration wizardTimeout() {
        return wizardTimeout;
    }

    @Override
    public Duration timeLimitWarning() {
        return timeLimitWarning;
    }

    @Override
    public Duration emailChangeValidity() {
        return emailChangeValidity;
    }

    @Override
    public Duration reauthenticationAfter() {
        return reauthenticationAfter;
    }

    @Override
    public int agentLookUpsPerHour() {
        return agentLookUpsPerHour;
    }

    @Override
    public int mailsPerHour() {
        return mailsPerHour;
    }

    @Override
    public boolean passkeysEnabled() {
        return passkeysEnabled;
    }

    /**
     * The passkeys' RP ID: {@code ameli.passkeys.rp-id}, else the host of {@code ameli.base-url}. It must
     * be that host or a domain it belongs to (browsers refuse any other); passkeys made under one RP
     * ID do not work under another.
     */
    public String passkeysRpId() {
        String host = baseUrl().getHost();
        String rpId = passkeysRpId.map(String::strip).filter(v -> !v.isEmpty()).orElse(host);
        if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
            throw invalid("ameli.passkeys.rp-id", rpId, "the host of ameli.base-url (" + host + ") or a domain it belongs to");
        }
        return rpId;
    }

    /** README « Backups »: the folder outside the data dir, a positive interval only with it, at least one backup kept. */
    void checkBackups() {
        if (backupKeep < 1) {
            throw invalid("ameli.backup.keep", String.valueOf(backupKeep), "a positive number");
        }
        Optional<Path> dir = backupDir();
        if (dir.isPresent() && dir.get().startsWith(dataDir())) {
            throw invalid("ameli.backup.dir", backupDir.get(), "a folder outside ameli.data-dir (" + dataDir() + ")");
        }
        if (backupInterval.isPresent()) {
            requirePositive("ameli.backup.interval", backupInterval.get());
            if (dir.isEmpty()) {
                throw invalid("ameli.backup.interval", backupInterval.get().toString(), "no value unless ameli.backup.dir is set");
            }
        }
    }

    /** Where the online backups of embedded Derby go (a timestamped folder each); empty: no backups. */
    public Optional<Path> backupDir() {
        return backupDir.map(String::strip).filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize());
    }

    /** How often a backup is taken; empty: only when the operator asks (README « Backups »). */
    public Optional<Duration> backupInterval() {
        return backupInterval;
    }

    /** How many backups are kept, the latest ones. */
    public int backupKeep() {
        return backupKeep;
    }

    /** How often mails that could not leave are tried again (and the first back-off step). */
    public Duration mailRetryInterval() {
        return mailRetryInterval;
    }

    /** FranceConnect's settings; empty (and no FranceConnect button) until issuer, client id and secret are set. */
    public Optional<OpenIdSettings> franceConnect() {
        return franceConnect;
    }

    /** The level asked of FranceConnect, as the {@code acr_values} of the authorization request. */
    public String franceConnectAcrValues() {
        return franceConnectAcrValues.strip();
    }

    /** The agents' provider's settings; empty (and {@code /agent/} not set up) until issuer, client id and secret are set. */
    public Optional<OpenIdSettings> agentOidc() {
        return agentOidc;
    }

    /** The claim of the agents' token holding their roles. */
    public String agentRolesClaim() {
        return agentRolesClaim.strip();
    }

    /** The claim of the agents' token holding the name the pages show. */
    public String agentNameClaim() {
        return agentNameClaim.strip();
    }

    @Override
    public Duration spaceSessionTimeout() {
        return spaceSessionTimeout;
    }

    @Override
    public Duration agentSessionTimeout() {
        return agentSessionTimeout;
    }

    @Override
    public Duration agentSessionLifetime() {
        return agentSessionLifetime;
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, value.toString(), "a positive ISO-8601 duration such as PT48H");
        }
    }

    private static IllegalStateException invalid(String key, String value, String expected) {
        return new IllegalStateException("Configuration " + key + "=" + value + " is invalid: expected " + expected);
    }
}
