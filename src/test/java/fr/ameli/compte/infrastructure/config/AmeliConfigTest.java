package fr.ameli.compte.infrastructure.config;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What an operator's wrong value does: the deployment stops with a message that names the key and
 * says what was expected. MicroProfile Config converts the values; these are the checks after it.
 */
class AmeliConfigTest {

    /** The defaults of microprofile-config.properties, as MicroProfile Config hands them over. */
    private static AmeliConfig defaults() {
        AmeliConfig config = new AmeliConfig();
        config.baseUrl = "http://localhost:8080/";
        config.dataDir = "./data";
        config.mailMode = Optional.of("file");
        config.smtpHost = Optional.empty();
        config.smtpPort = 25;
        config.mailFrom = "ne-pas-repondre@ameli.local";
        config.activationValidity = Duration.ofHours(48);
        config.activationSweepInterval = Duration.ofMinutes(5);
        config.codeResetValidity = Duration.ofMinutes(30);
        config.codeResetLongestLife = Duration.ofHours(2);
        config.expiredLinkRetention = Duration.ofDays(30);
        config.mailRetryInterval = Duration.ofSeconds(30);
        config.securityCodeValidity = Duration.ofMinutes(10);
        config.wizardTimeout = Duration.ofMinutes(20);
        config.timeLimitWarning = Duration.ofMinutes(2);
        config.emailChangeValidity = Duration.ofHours(24);
        config.reauthenticationAfter = Duration.ofMinutes(10);
        config.agentSessionTimeout = Duration.ofMinutes(10);
        config.spaceSessionTimeout = Duration.ofMinutes(20);
        config.agentSessionLifetime = Duration.ofHours(8);
        config.codeHashIterations = 600_000;
        config.codeHashesWaiting = 64;
        config.codeHashesPerAddress = 8;
        config.requestsAtOncePerCore = 4;
        config.requestsPerAddress = 16;
        config.identityAttemptsPerMinute = 20;
        config.loginFailuresPerDay = 50;
        config.agentLookUpsPerHour = 60;
        config.mailsPerHour = 3;
        config.passkeysEnabled = true;
        config.passkeysRpId = Optional.empty();
        config.backupDir = Optional.empty();
        config.backupInterval = Optional.empty();
        config.backupKeep = 7;
        config.secretKey = Optional.empty();
        config.secretKeyFile = Optional.empty();
        return config;
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                wrong(c -> c.baseUrl = "compte.ameli.fr",
                        "ameli.base-url=compte.ameli.fr", "an absolute URL such as https://compte.ameli.fr/"),
                wrong(c -> c.mailMode = Optional.of("pigeon"), "ameli.mail.mode=pigeon", "smtp or file"),
                wrong(c -> c.mailMode = Optional.of("smtp"), "ameli.smtp.host=",
                        "the name or address of the SMTP relay the mails leave through (or ameli.demo=true for a demo, whose mails are written to files)"),
                wrong(c -> c.mailMode = Optional.empty(), "ameli.smtp.host=",
                        "the name or address of the SMTP relay the mails leave through (or ameli.demo=true for a demo, whose mails are written to files)"),
                wrong(c -> c.activationValidity = Duration.ZERO,
                        "ameli.activation.validity=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.activationSweepInterval = Duration.ofMinutes(-5),
                        "ameli.activation.sweep-interval=PT-5M", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.codeResetValidity = Duration.ZERO,
                        "ameli.code-reset.validity=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.codeResetLongestLife = Duration.ofMinutes(10),
                        "ameli.code-reset.longest-life=PT10M", "a duration at least as long as ameli.code-reset.validity"),
                wrong(c -> c.mailRetryInterval = Duration.ofSeconds(-1),
                        "ameli.mail.retry-interval=PT-1S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.expiredLinkRetention = Duration.ZERO,
                        "ameli.activation.expired-link-retention=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.securityCodeValidity = Duration.ZERO,
                        "ameli.security-code.validity=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.wizardTimeout = Duration.ZERO,
                        "ameli.wizard.timeout=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.timeLimitWarning = Duration.ofMinutes(20),
                        "ameli.time-limit.warning=PT20M", "a duration shorter than ameli.wizard.timeout"),
                wrong(c -> c.emailChangeValidity = Duration.ZERO,
                        "ameli.email-change.validity=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.timeLimitWarning = Duration.ofMinutes(10),
                        "ameli.time-limit.warning=PT10M", "a duration shorter than ameli.agent.session-timeout"),
                wrong(c -> c.spaceSessionTimeout = Duration.ofMinutes(1),
                        "ameli.time-limit.warning=PT2M", "a duration shorter than ameli.space.session-timeout"),
                wrong(c -> c.spaceSessionTimeout = Duration.ZERO,
                        "ameli.space.session-timeout=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.agentSessionTimeout = Duration.ZERO,
                        "ameli.agent.session-timeout=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.reauthenticationAfter = Duration.ofMinutes(-10),
                        "ameli.space.reauthentication-after=PT-10M", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.requestsAtOncePerCore = 0, "ameli.requests.at-once-per-core=0", "a positive number"),
                wrong(c -> c.requestsPerAddress = 0, "ameli.requests.per-address=0", "a positive number"),
                wrong(c -> c.loginFailuresPerDay = 0, "ameli.throttle.login-failures-per-day=0", "a positive number"),
                wrong(c -> c.identityAttemptsPerMinute = 0,
                        "ameli.throttle.identity-attempts-per-minute=0", "a positive number"),
                wrong(c -> c.agentLookUpsPerHour = 0, "ameli.agent.look-ups-per-hour=0", "a positive number"),
                wrong(c -> c.mailsPerHour = 0, "ameli.mail.per-hour=0", "a positive number"),
                wrong(c -> c.passkeysRpId = Optional.of("ameli.fr"), "ameli.passkeys.rp-id=ameli.fr",
                        "the host of ameli.base-url (localhost) or a domain it belongs to"),
                wrong(c -> c.smtpPort = 65536, "ameli.smtp.port=65536", "a TCP port between 1 and 65535"),
                wrong(c -> c.smtpPort = 0, "ameli.smtp.port=0", "a TCP port between 1 and 65535"),
                wrong(c -> c.codeHashIterations = 0, "ameli.code.hash-iterations=0", "a positive number"),
                wrong(c -> c.codeHashesWaiting = 0, "ameli.code.hashes-waiting=0", "a positive number"),
                wrong(c -> c.codeHashesPerAddress = 0, "ameli.code.hashes-per-address=0", "a positive number"),
                wrong(c -> c.backupKeep = 0, "ameli.backup.keep=0", "a positive number"),
                wrong(c -> c.backupDir = Optional.of("./data/sauvegardes"), "ameli.backup.dir=./data/sauvegardes",
                        "a folder outside ameli.data-dir (" + Path.of("./data").toAbsolutePath().normalize() + ")"),
                wrong(c -> c.backupDir = Optional.of("data"), "ameli.backup.dir=data",
                        "a folder outside ameli.data-dir (" + Path.of("./data").toAbsolutePath().normalize() + ")"),
                wrong(c -> {
                    c.backupDir = Optional.of("/srv/ameli-sauvegardes");
                    c.backupInterval = Optional.of(Duration.ZERO);
                }, "ameli.backup.interval=PT0S", "a positive ISO-8601 duration such as PT48H"),
                wrong(c -> c.backupInterval = Optional.of(Duration.ofDays(1)), "ameli.backup.interval=PT24H",
                        "no value unless ameli.backup.dir is set"));
    }

    /**
     * Safe for a real deployment by default, convenient for the demo (README): outside the demo, mails go
     * to an SMTP relay that must be named and no fictitious person is loaded; the demo writes mails to
     * files and loads the demo register when no extract is given.
     */
    @ParameterizedTest(name = "demo {0}, mode {1}, extract {2}: {3}, demo register {4}")
    @CsvSource(nullValues = "-", value = {
            "false, -,    -,                 SMTP, false",
            "true,  -,    -,                 FILE, true",
            "true,  -,    /srv/extrait.csv,  FILE, false",
            "true,  smtp, -,                 SMTP, true",
            "false, file, -,                 FILE, false",
            "false, -,    /srv/extrait.csv,  SMTP, false",
    })
    void the_demo_writes_mails_to_files_and_loads_the_demo_register_and_nothing_else_does(
            boolean demo, String mode, String extract, AmeliConfig.MailMode expected, boolean demoRegister) {
        AmeliConfig config = defaults();
        config.demo = demo;
        config.mailMode = Optional.ofNullable(mode);
        config.registryCsv = Optional.ofNullable(extract);
        config.registryDemo = Optional.empty();
        assertEquals(expected, config.mailMode());
        assertEquals(demoRegister, config.registryDemo());
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_or_a_range_stops_the_deployment_naming_its_key() {
        assertTrue(AmeliConfig.trustedProxies(java.util.List.of("10.0.0.0/8", " fd00::/8")).contains("10.1.2.3"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AmeliConfig.trustedProxies(java.util.List.of("10.0.0.0/8", "proxy.example.fr")));
        assertEquals("Configuration ameli.trusted-proxies=10.0.0.0/8,proxy.example.fr is invalid: expected IP addresses and CIDR ranges"
                + " (10.0.0.0/8, fd00::/8), comma-separated", e.getMessage());
    }

    /** README « The secret key »: from a file (a Docker or compose secret) or a value, Base64 of 32 bytes at least. */
    @Test
    void the_secret_key_is_read_from_its_file_or_its_value_and_a_bad_one_stops_the_deployment_naming_its_key(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        AmeliConfig config = defaults();
        config.secretKey = Optional.empty();
        config.secretKeyFile = Optional.empty();
        assertEquals(Optional.empty(), config.givenSecretKey(), "none given: the database's");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Path file = folder.resolve("cle");
        java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key) + "\n");
        config.secretKeyFile = Optional.of(file.toString());
        assertTrue(java.util.Arrays.equals(key, config.givenSecretKey().orElseThrow()), "from the file, its line end forgiven");
        config.secretKeyFile = Optional.empty();
        config.secretKey = Optional.of(java.util.Base64.getEncoder().encodeToString(key));
        assertTrue(java.util.Arrays.equals(key, config.givenSecretKey().orElseThrow()), "from the value");
        config.secretKey = Optional.of(java.util.Base64.getEncoder().encodeToString(new byte[16]));
        assertEquals("Configuration ameli.secret-key=… is invalid: expected a key in Base64 of 32 bytes or more (openssl rand -base64 32)",
                assertThrows(IllegalStateException.class, config::givenSecretKey).getMessage(), "too short, and never written out");
        config.secretKey = Optional.empty();
        config.secretKeyFile = Optional.of(folder.resolve("absente").toString());
        assertEquals("Configuration ameli.secret-key.file=" + folder.resolve("absente") + " is invalid: expected a file this server can read,"
                + " holding the key in Base64", assertThrows(IllegalStateException.class, config::givenSecretKey).getMessage());
    }

    @Test
    void backups_go_outside_the_data_dir_and_are_off_by_default() {
        AmeliConfig config = defaults();
        config.checkBackups();
        assertEquals(Optional.empty(), config.backupDir());
        assertEquals(Optional.empty(), config.backupInterval());
        assertEquals(7, config.backupKeep());
        config.backupDir = Optional.of(" /srv/ameli-sauvegardes/ ");
        config.backupInterval = Optional.of(Duration.ofDays(1));
        config.dataDir = "/srv/ameli";
        config.checkBackups();
        assertEquals(Optional.of(Path.of("/srv/ameli-sauvegardes")), config.backupDir(), "beside the data dir, not inside it");
    }

    private static Arguments wrong(Consumer<AmeliConfig> change, String keyAndValue, String expected) {
        return arguments(keyAndValue, change, "Configuration " + keyAndValue + " is invalid: expected " + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void a_wrong_value_stops_the_deployment_naming_its_key(String keyAndValue, Consumer<AmeliConfig> change, String message) {
        AmeliConfig config = defaults();
        change.accept(config);
        IllegalStateException e = assertThrows(IllegalStateException.class, config::check);
        assertEquals(message, e.getMessage());
    }

    @Test
    void durations_are_read_in_iso_8601_with_the_spaces_around_forgiven() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofHours(48), converter.convert("PT48H"));
        assertEquals(Duration.ofMinutes(5), converter.convert(" PT5M "));
    }

    @Test
    void a_duration_that_is_not_iso_8601_says_what_was_expected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DurationConverter().convert("48h"));
        assertEquals("Configuration value 48h is invalid: expected an ISO-8601 duration such as PT48H or PT5M", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "all three set                 | https://fcp.integ01.dev-franceconnect.fr/api/v1 | ameli-recette   | secret | true",
            "the client id's spaces cut    | https://fcp.integ01.dev-franceconnect.fr/api/v1 | ' ameli-recette ' | secret | true",
            "no client id                  | https://fcp.integ01.dev-franceconnect.fr/api/v1 | ''              | secret | false",
            "a blank client id             | https://fcp.integ01.dev-franceconnect.fr/api/v1 | '  '            | secret | false",
            "a blank secret                | https://fcp.integ01.dev-franceconnect.fr/api/v1 | ameli-recette   | ' '    | false",
            "no issuer                     | ''                                             | ameli-recette   | secret | false"})
    void an_openid_connect_provider_is_on_only_once_issuer_client_id_and_secret_are_set(String what, String issuer, String clientId,
                                                                                          String secret, boolean on) {
        for (String prefix : List.of("ameli.franceconnect", "ameli.agent.oidc")) {
            Map<String, String> keys = Map.of(prefix + ".issuer", issuer, prefix + ".client-id", clientId, prefix + ".client-secret", secret);
            Optional<OpenIdSettings> read = OpenIdSettings.read(prefix, key -> Optional.ofNullable(keys.get(key)));
            assertEquals(on, read.isPresent(), prefix + ": " + what);
            read.ifPresent(settings -> assertEquals("ameli-recette", settings.clientId(), "read without the spaces around it"));
        }
    }

    @Test
    void a_provider_url_that_is_not_one_stops_the_deployment_naming_its_key() {
        Map<String, String> keys = Map.of("ameli.agent.oidc.issuer", "sso.caisse.example", "ameli.agent.oidc.client-id", "ameli",
                "ameli.agent.oidc.client-secret", "secret");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpenIdSettings.read("ameli.agent.oidc", key -> Optional.ofNullable(keys.get(key))));
        assertEquals("Configuration ameli.agent.oidc.issuer=sso.caisse.example is invalid: expected an absolute URL (https://…)", e.getMessage());
    }
}
