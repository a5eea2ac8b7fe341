package fr.ameli.compte.application.shared;

import jakarta.ejb.EJBException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.logging.Logger;

/**
 * A transaction the database rolled back because of other transactions, not because of what it
 * wrote (SQLState class 40: a deadlock, a lock wait that timed out, a serialization failure):
 * made again, it succeeds. Embedded Derby does this now and then under load when two inserts at
 * once need a new range of identity values (its error 40XL1): the benchmark met it creating an
 * account and opening a login session. The one place that says which failures are made again.
 */
public final class Contention {

    /** How many times in all a transaction is made before its failure is the caller's. */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(Contention.class.getName());

    /** A transaction of its own (a business method called through the container), which may throw {@code E}. */
    @FunctionalInterface
    public interface Transaction<T, E extends Exception> {
        T run() throws E;
    }

    private Contention() {
    }

    /**
     * Runs {@code transaction}, and again (up to {@value #ATTEMPTS} times in all) while the database
     * rolls it back whole for contention; any other failure, or the last one, is the caller's.
     * The caller must run no transaction of its own: what was rolled back is then all there was.
     */
    public static <T, E extends Exception> T madeAgainIfRolledBack(String what, Transaction<T, E> transaction) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.run();
            } catch (EJBException e) {
                if (attempt == ATTEMPTS || !rolledBack(e)) {
                    throw e;
                }
                LOG.info(() -> what + " rolled back by the database (" + e.getCause() + "), made again");
            }
        }
    }

    static boolean rolledBack(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
