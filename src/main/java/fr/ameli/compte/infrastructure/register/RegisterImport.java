package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.person.InsuredPerson;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads a register extract: reads it row by row, writes the good rows in batches of their own
 * transactions, and reports every bad row in the log with its line number and reason.
 * Runs outside any transaction so that one batch's commit does not wait for the whole file.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegisterImport {

    static final int BATCH_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(RegisterImport.class.getName());

    @Inject
    RegisterWriter writer;
    @Inject
    fr.ameli.compte.application.security.Pseudonyms pseudonyms;

    /** A load at start-up (the demo register, the configured extract). */
    public RegisterImportReport load(String source, Reader csv) {
        return load(source, csv, null);
    }

    /**
     * A load; by an agent's upload when {@code uploadedBy} is given: then each person added or changed
     * is audited, naming the agent and what changed ({@link RegisterWriter}).
     */
    public RegisterImportReport load(String source, Reader csv, fr.ameli.compte.domain.agent.Agent uploadedBy) {
        long start = System.nanoTime();
        List<RejectedRow> rejected = new ArrayList<>();
        List<InsuredPerson> batch = new ArrayList<>(BATCH_SIZE);
        int[] counts = new int[3];
        RegisterCsvReader.RowHandler handler = new RegisterCsvReader.RowHandler() {
            @Override
            public void accepted(int lineNumber, InsuredPerson person) {
                batch.add(person);
                if (batch.size() == BATCH_SIZE) {
                    flush(batch, counts, source, uploadedBy);
                }
            }

            @Override
            public void rejected(RejectedRow row) {
                LOG.warning(() -> "Register " + source + ", line " + row.lineNumber() + " rejected: " + row.reason());
                rejected.add(row);
            }
        };
        try {
            new RegisterCsvReader(Clock.systemDefaultZone(), pseudonyms::proofOf).read(csv, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("Register " + source + " could not be read", e);
        }
        flush(batch, counts, source, uploadedBy);
        RegisterImportReport report = new RegisterImportReport(source, counts[0], counts[1], counts[2], rejected,
                Duration.ofNanos(System.nanoTime() - start));
        LOG.info(report::toString);
        return report;
    }

    private void flush(List<InsuredPerson> batch, int[] counts, String source, fr.ameli.compte.domain.agent.Agent uploadedBy) {
        if (batch.isEmpty()) {
            return;
        }
        RegisterWriter.BatchResult result;
        try {
            result = writer.write(List.copyOf(batch), source, uploadedBy);
        } catch (EJBException collision) {
            // Two servers loading the same register at once (nodes starting together on an empty
            // database): the other one committed some of these NIRs first. Written again, they are
            // found and compared, as in any idempotent load.
            LOG.info(() -> "Register batch written again after a concurrent load: " + collision.getMessage());
            result = writer.write(List.copyOf(batch), source, uploadedBy);
        }
        counts[0] += result.inserted();
        counts[1] += result.updated();
        counts[2] += result.unchanged();
        batch.clear();
    }
}
