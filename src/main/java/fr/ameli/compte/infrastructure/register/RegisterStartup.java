package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fills the register at start-up, once the schema is migrated: the fictitious demo register when
 * the register is empty (and the operator has not turned it off), then the extract named by
 * {@code ameli.registry.csv}. Loading is idempotent, so restarting with the same extract changes
 * nothing. An unreadable extract is logged loudly but does not stop the service: the register
 * already in the database stays usable.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegisterStartup {

    static final String DEMO_REGISTER = "/registre/registre-demo.csv";
    private static final Logger LOG = Logger.getLogger(RegisterStartup.class.getName());

    @Inject
    AmeliConfig config;
    @Inject
    InsuredPersonRepository register;
    @Inject
    RegisterImport registerImport;

    private final List<RegisterImportReport> reports = new ArrayList<>();

    @PostConstruct
    void load() {
        if (config.registryDemo() && register.count() == 0) {
            try (InputStream in = RegisterStartup.class.getResourceAsStream(DEMO_REGISTER)) {
                reports.add(registerImport.load("demo", new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "The demo register could not be read", e);
            }
        }
        config.registryCsv().ifPresent(this::loadExtract);
    }

    private void loadExtract(Path csv) {
        if (!Files.isReadable(csv)) {
            LOG.severe(() -> "ameli.registry.csv=" + csv + ": no readable file there; the register was not loaded");
            return;
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reports.add(registerImport.load(csv.toString(), in));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Register " + csv + " could not be loaded", e);
        }
    }

    /** The loads done at this start, for operators' checks and the tests. */
    @Lock(LockType.READ)
    public List<RegisterImportReport> reports() {
        return List.copyOf(reports);
    }
}
