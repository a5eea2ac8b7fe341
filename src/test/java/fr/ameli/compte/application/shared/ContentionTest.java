package fr.ameli.compte.application.shared;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which failures of a transaction are made again (an account's creation, a login session): those the database caused, not the data. */
class ContentionTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> failures() {
        return Stream.of(
                arguments("Derby: lock wait timed out (identity values under contention)",
                        wrapped(new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1")), true),
                arguments("deadlock", wrapped(new SQLException("deadlock detected", "40P01")), true),
                arguments("serialization failure", wrapped(new SQLException("could not serialize access", "40001")), true),
                arguments("a NIR already taken (the data, not the database)",
                        wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505")), false),
                arguments("database down", wrapped(new SQLException("connection refused", "08001")), false),
                arguments("a bug of ours", new EJBException(new IllegalStateException("no")), false),
                arguments("no SQLState", wrapped(new SQLException("?")), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void a_transaction_is_made_again_only_when_the_database_rolled_it_back_for_contention(String what, Throwable failure,
                                                                                      boolean madeAgain) {
        assertEquals(madeAgain, Contention.rolledBack(failure), what);
    }

    /** As the EJB container hands it over: EJBException ← PersistenceException ← the driver's SQLException. */
    private static EJBException wrapped(SQLException sql) {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", sql));
    }

    @org.junit.jupiter.api.Test
    void a_transaction_rolled_back_by_contention_is_made_again_up_to_three_times_in_all() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        EJBException contention = wrapped(new SQLTransactionRollbackException("A lock could not be obtained", "40XL1"));
        assertEquals("opened", Contention.madeAgainIfRolledBack("A login session", () -> {
            if (runs.incrementAndGet() < 3) {
                throw contention;
            }
            return "opened";
        }), "the third run succeeds");
        runs.set(0);
        org.junit.jupiter.api.Assertions.assertSame(contention, org.junit.jupiter.api.Assertions.assertThrows(EJBException.class,
                () -> Contention.madeAgainIfRolledBack("A login session", () -> {
                    runs.incrementAndGet();
                    throw contention;
                })));
        assertEquals(Contention.ATTEMPTS, runs.get(), "then the failure is the caller's");
        runs.set(0);
        EJBException bug = new EJBException(new IllegalStateException("no"));
        org.junit.jupiter.api.Assertions.assertThrows(EJBException.class, () -> Contention.madeAgainIfRolledBack("A login session", () -> {
            runs.incrementAndGet();
            throw bug;
        }));
        assertEquals(1, runs.get(), "any other failure is not made again");
    }
}
