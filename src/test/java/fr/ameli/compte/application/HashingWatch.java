package fr.ameli.compte.application;

import fr.ameli.compte.application.security.CodeHasher;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test deployments only ({@link AccountServicesIT}): watches every code hash the service asks for
 * and notes those asked inside a transaction — a transaction holds a pooled database connection,
 * which a 140 ms hash must never hold (issue 28 §1). Delegates to the real hasher.
 */
@Decorator
@Dependent
@Priority(Interceptor.Priority.APPLICATION)
public abstract class HashingWatch implements CodeHasher {

    private static final List<String> IN_TRANSACTION = new CopyOnWriteArrayList<>();
    private static final AtomicInteger HASHES = new AtomicInteger();

    @Inject
    @Delegate
    @Any
    CodeHasher hasher;

    static void reset() {
        IN_TRANSACTION.clear();
        HASHES.set(0);
    }

    /** The hashes asked inside a transaction, each with the service method that asked. */
    static List<String> inTransaction() {
        return List.copyOf(IN_TRANSACTION);
    }

    static int hashes() {
        return HASHES.get();
    }

    @Override
    public String hash(String code) {
        watch("hash");
        return hasher.hash(code);
    }

    @Override
    public boolean verify(String code, String storedHash) {
        watch("verify");
        return hasher.verify(code, storedHash);
    }

    @Override
    public boolean verify(String code, Optional<String> storedHash) {
        watch("verify");
        return hasher.verify(code, storedHash);
    }

    private static void watch(String what) {
        HASHES.incrementAndGet();
        try {
            TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (registry.getTransactionKey() != null) {
                IN_TRANSACTION.add(what + " asked by " + Arrays.stream(new Throwable().getStackTrace())
                        .map(StackTraceElement::toString)
                        .filter(f -> f.startsWith("fr.ameli.compte.application.") && !f.contains("HashingWatch"))
                        .findFirst().orElse("?"));
            }
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
