package fr.ameli.compte.application.shared;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times the annotated method as one step of a person's journey: the metric
 * {@code ameli_wizard_step_seconds{step=…}} (the interceptor lives with the metrics, in
 * {@code infrastructure.health}). The value is the step's name, e.g. {@code identite}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StepTimed {

    @Nonbinding
    String value() default "";
}
