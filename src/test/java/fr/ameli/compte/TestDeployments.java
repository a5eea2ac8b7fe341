package fr.ameli.compte;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real WAR built by Maven, deployed as it is but for its configuration: each integration
 * test class gets its own data directory (a fresh database) and the keys it needs, appended to the
 * WAR's own {@code microprofile-config.properties} (the last value of a key wins).
 */
public final class TestDeployments {

    private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    private TestDeployments() {
    }

    /** The folder of a test deployment: its database and mail files live there. */
    public static Path dataDir(String name) {
        return Path.of(System.getProperty("ameli.it.dir"), name);
    }

    /**
     * With {@code -Dameli.it.postgresql=jdbc:postgresql://host:port} (user and password
     * {@code ameli}, allowed to create databases), each deployment gets a fresh PostgreSQL
     * database {@code ameli_it_<name>} instead of embedded Derby.
     */
    public static boolean onPostgresql() {
        return System.getProperty("ameli.it.postgresql", "").startsWith("jdbc:postgresql:");
    }

    /** A fresh PostgreSQL database {@code ameli_it_<name>}: the configuration keys that point at it. */
    public static Map<String, String> freshPostgresqlDatabase(String name) {
        String server = System.getProperty("ameli.it.postgresql");
        String database = "ameli_it_" + name.replaceAll("[^a-z0-9]", "_");
        try (Connection c = DriverManager.getConnection(server + "/postgres", "ameli", "ameli");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " could not give a fresh database", e);
        }
        return Map.of("ameli.datasource.class-name", "org.postgresql.ds.PGSimpleDataSource",
                "ameli.datasource.url", server + "/" + database,
                "ameli.datasource.database-name", database,
                "ameli.datasource.user", "ameli",
                "ameli.datasource.password", "ameli");
    }

    /** A TCP port free on this machine now, for a server a test starts (SMTP, a node). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebArchive war(String name, Map<String, String> keys) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("ameli.war")));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ameli.data-dir", dataDir(name).toString());
        // The demo's defaults (mails to files, the demo register, a key generated into the database) unless a test says otherwise.
        all.put("ameli.demo", "true");
        if (onPostgresql()) {
            all.putAll(freshPostgresqlDatabase(name));
        }
        all.putAll(keys);
        StringBuilder config = new StringBuilder(read(war));
        config.append("\n# Test deployment ").append(name).append('\n');
        all.forEach((k, v) -> config.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        war.delete(CONFIG);
        war.add(new StringAsset(config.toString()), CONFIG);
        return war;
    }

    private static String read(WebArchive war) {
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
