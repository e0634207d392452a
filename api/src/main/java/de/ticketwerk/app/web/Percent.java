package de.ticketwerk.app.web;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A percentage: not negative, at most two decimals, at most {@link #max}. */
@Documented
@Constraint(validatedBy = {})
@DecimalMin("0")
@DecimalMax("1000")
@Digits(integer = 4, fraction = 2)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Percent {

    @OverridesAttribute(constraint = DecimalMax.class, name = "value")
    String max() default "1000";

    String message() default "must be a percentage";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
