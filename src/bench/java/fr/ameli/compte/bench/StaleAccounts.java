package fr.ameli.compte.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pending accounts whose activation link was sent 3 days ago (validity 48 h), each with its token
 * and its mail, written straight to the stopped service's database by the statements of
 * {@code db/stale-accounts.sql} (src/bench/resources), in batches of 1,000 accounts a commit.
 */
final class StaleAccounts {

    private static final String SCRIPT = "/db/stale-accounts.sql";
    private static final Pattern VALUE = Pattern.compile(":([a-z_]+)");
    private static final int BATCH = 1000;

    /** One statement of the script: its SQL with {@code ?} for each {@code :name}, and the names in order. */
    private record Statement(String sql, List<String> names) {

        static Statement of(String named) {
            List<String> names = new ArrayList<>();
            Matcher m = VALUE.matcher(named);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Statement(sql.toString(), names);
        }

        void add(PreparedStatement prepared, Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                Object value = values.get(names.get(i));
                if (value == null) {
                    throw new IllegalStateException(SCRIPT + " wants :" + names.get(i) + ", which StaleAccounts does not give");
                }
                prepared.setObject(i + 1, value);
            }
            prepared.addBatch();
        }
    }

    private StaleAccounts() {
    }

    /** Writes {@code count} stale accounts whose code hashes look like the service's at {@code iterations}. */
    static void write(Connection c, int count, int iterations) throws SQLException {
        List<Statement> script = script();
        Instant sent = Instant.now().minus(Duration.ofDays(3));
        SecureRandom random = new SecureRandom();
        c.setAutoCommit(false);
        List<PreparedStatement> prepared = new ArrayList<>();
        try {
            for (Statement s : script) {
                prepared.add(c.prepareStatement(s.sql()));
            }
            for (int i = 0; i < count; i++) {
                Map<String, Object> account = account(i, sent, iterations, random);
                for (int s = 0; s < script.size(); s++) {
                    script.get(s).add(prepared.get(s), account);
                }
                if (i % BATCH == BATCH - 1 || i == count - 1) {
                    for (PreparedStatement p : prepared) {
                        p.executeBatch();
                    }
                    c.commit();
                }
            }
        } finally {
            for (PreparedStatement p : prepared) {
                p.close();
            }
        }
    }

    /** The values of the script for the {@code i}-th stale account. */
    private static Map<String, Object> account(int i, Instant sent, int iterations, SecureRandom random) {
        HexFormat hex = HexFormat.of();
        return Map.of(
                "id", 10_000_000L + i,
                "nir", String.format("3%014d", i),
                "code_hash", CodeHashes.randomStoredHash(iterations, random),
                "email", "perime" + i + "@bench.example",
                "nir_hash", hex.formatHex(randomBytes(random, 32)),
                "token_hash", hex.formatHex(randomBytes(random, 32)),
                "sent_at", Timestamp.from(sent),
                "expires_at", Timestamp.from(sent.plus(Duration.ofHours(48))));
    }

    static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The statements of the script, its comments left out. */
    private static List<Statement> script() {
        try (InputStream in = StaleAccounts.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path (src/bench/resources, the bench profile)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
            return Arrays.stream(text.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).map(Statement::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
