package fr.ameli.compte.infrastructure.health;

import fr.ameli.compte.application.shared.StepTimed;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serial;
import java.io.Serializable;

/**
 * Records how long each {@link StepTimed} method takes. Serializable because it is bound to the
 * conversation-scoped wizard, whose interceptors travel with it to the other node of a cluster.
 */
@StepTimed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StepTimingInterceptor implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    ServiceMetrics metrics;

    @AroundInvoke
    public Object time(InvocationContext invocation) throws Exception {
        StepTimed timed = invocation.getMethod().getAnnotation(StepTimed.class);
        String step = timed == null || timed.value().isEmpty() ? invocation.getMethod().getName() : timed.value();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            metrics.stepTook(step, System.nanoTime() - start);
        }
    }
}
