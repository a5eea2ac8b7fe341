package fr.ameli.compte.infrastructure.config;

import fr.ameli.compte.application.ServiceSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The service's configuration (SPEC §6), read once through MicroProfile Config so that system
 * properties and environment variables ({@code AMELI_SMTP_PORT}) override the defaults of
 * {@code META-INF/microprofile-config.properties}. Every key is parsed and checked here, at start,
 * so that an operator's typo stops the deployment with a message naming the key instead of
 * failing later inside a user's request.
 */
@ApplicationScoped
public class AmeliConfig implements ServiceSettings {

    /** How the activation and other mails leave the service. */
    public enum MailMode { SMTP, FILE }

    @Inject @ConfigProperty(name = "ameli.base-url")
    String baseUrl;
    @Inject @ConfigProperty(name = "ameli.data-dir")
    String dataDir;
    @Inject @ConfigProperty(name = "ameli.mail.mode")
    String mailMode;
    @Inject @ConfigProperty(name = "ameli.smtp.host")
    String smtpHost;
    @Inject @ConfigProperty(name = "ameli.smtp.port")
    int smtpPort;
    @Inject @ConfigProperty(name = "ameli.mail.from")
    String mailFrom;
    @Inject @ConfigProperty(name = "ameli.registry.csv")
    Optional<String> registryCsv;
    @Inject @ConfigProperty(name = "ameli.registry.demo")
    Optional<Boolean> registryDemo;
    @Inject @ConfigProperty(name = "ameli.activation.validity")
    String activationValidity;
    @Inject @ConfigProperty(name = "ameli.code-reset.validity")
    String codeResetValidity;
    @Inject @ConfigProperty(name = "ameli.activation.sweep-interval")
    String activationSweepInterval;
    @Inject @ConfigProperty(name = "ameli.activation.expired-link-retention")
    String expiredLinkRetention;
    @Inject @ConfigProperty(name = "ameli.code.hash-iterations")
    int codeHashIterations;
    @Inject @ConfigProperty(name = "ameli.throttle.identity-attempts-per-minute")
    int identityAttemptsPerMinute;
    @Inject @ConfigProperty(name = "ameli.requests.at-once-per-core")
    int requestsAtOncePerCore;
    @Inject @ConfigProperty(name = "ameli.trusted-proxies")
    Optional<String> trustedProxies;
    @Inject @ConfigProperty(name = "ameli.mail.retry-interval")
    String mailRetryInterval;
    @Inject @ConfigProperty(name = "ameli.franceconnect.issuer")
    Optional<String> franceConnectIssuer;
    @Inject @ConfigProperty(name = "ameli.franceconnect.client-id")
    Optional<String> franceConnectClientId;
    @Inject @ConfigProperty(name = "ameli.franceconnect.client-secret")
    Optional<String> franceConnectClientSecret;
    @Inject @ConfigProperty(name = "ameli.franceconnect.redirect-url")
    Optional<String> franceConnectRedirectUrl;

    @PostConstruct
    void check() {
        baseUrl();
        mailMode();
        activationValidity();
        activationSweepInterval();
        expiredLinkRetention();
        codeResetValidity();
        mailRetryInterval();
        if (requestsAtOncePerCore < 1) {
            throw invalid("ameli.requests.at-once-per-core", String.valueOf(requestsAtOncePerCore), "a positive number");
        }
        if (identityAttemptsPerMinute < 1) {
            throw invalid("ameli.throttle.identity-attempts-per-minute", String.valueOf(identityAttemptsPerMinute), "a positive number");
        }
        if (smtpPort < 1 || smtpPort > 65535) {
            throw invalid("ameli.smtp.port", String.valueOf(smtpPort), "a TCP port between 1 and 65535");
        }
        if (codeHashIterations < 1) {
            throw invalid("ameli.code.hash-iterations", String.valueOf(codeHashIterations), "a positive number");
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

    public MailMode mailMode() {
        try {
            return MailMode.valueOf(mailMode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("ameli.mail.mode", mailMode, "smtp or file");
        }
    }

    public String smtpHost() {
        return smtpHost;
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
     * otherwise, it does only when no real extract is configured: a production register must never
     * receive fictitious persons by accident.
     */
    public boolean registryDemo() {
        return registryDemo.orElse(registryCsv().isEmpty());
    }

    @Override
    public Duration activationValidity() {
        return duration("ameli.activation.validity", activationValidity);
    }

    @Override
    public Duration codeResetValidity() {
        return duration("ameli.code-reset.validity", codeResetValidity);
    }

    @Override
    public Duration activationSweepInterval() {
        return duration("ameli.activation.sweep-interval", activationSweepInterval);
    }

    @Override
    public Duration expiredLinkRetention() {
        return duration("ameli.activation.expired-link-retention", expiredLinkRetention);
    }

    @Override
    public int codeHashIterations() {
        return codeHashIterations;
    }

    @Override
    public int requestsAtOncePerCore() {
        return requestsAtOncePerCore;
    }

    @Override
    public int identityAttemptsPerMinute() {
        return identityAttemptsPerMinute;
    }

    /**
     * The addresses of the reverse proxies (load balancers) in front of the service: for a request
     * coming from one of them, the client's address is the last one of X-Forwarded-For.
     */
    public List<String> trustedProxies() {
        return trustedProxies.map(list -> List.of(list.split(","))).orElse(List.of()).stream()
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    /** How often mails that could not leave are tried again (and the first back-off step). */
    public Duration mailRetryInterval() {
        return duration("ameli.mail.retry-interval", mailRetryInterval);
    }

    /** FranceConnect's settings; empty (and no FranceConnect button) until issuer, client id and secret are set. */
    public record FranceConnect(URI issuer, String clientId, String clientSecret, Optional<URI> redirectUrl) {
    }

    public Optional<FranceConnect> franceConnect() {
        Optional<String> issuer = franceConnectIssuer.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> id = franceConnectClientId.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> secret = franceConnectClientSecret.filter(s -> !s.isBlank());
        if (issuer.isEmpty() || id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FranceConnect(URI.create(issuer.get()), id.get(), secret.get(),
                franceConnectRedirectUrl.map(String::strip).filter(s -> !s.isEmpty()).map(URI::create)));
    }

    private static Duration duration(String key, String value) {
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                throw invalid(key, value, "a positive ISO-8601 duration such as PT48H");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(key, value, "an ISO-8601 duration such as PT48H or PT5M");
        }
    }

    private static IllegalStateException invalid(String key, String value, String expected) {
        return new IllegalStateException("Configuration " + key + "=" + value + " is invalid: expected " + expected);
    }
}
