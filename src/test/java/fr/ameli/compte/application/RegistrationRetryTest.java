package fr.ameli.compte.application;

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

/** Which failures of the account's creation are made again: those the database caused, not the data. */
class RegistrationRetryTest {

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
    void a_creation_is_made_again_only_when_the_database_rolled_it_back_for_contention(String what, Throwable failure,
                                                                                      boolean madeAgain) {
        assertEquals(madeAgain, Registration.rolledBackByContention(failure), what);
    }

    /** As the EJB container hands it over: EJBException ← PersistenceException ← the driver's SQLException. */
    private static EJBException wrapped(SQLException sql) {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", sql));
    }
}
