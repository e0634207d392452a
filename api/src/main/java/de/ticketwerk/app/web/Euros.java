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

/**
 * An amount in euros: not negative, whole cents, at most {@link #max}. The bounds keep every amount that pricing
 * and settlement derive from it within the NUMERIC columns of the read models.
 */
@Documented
@Constraint(validatedBy = {})
@DecimalMin("0.00")
@DecimalMax("1000000.00")
@Digits(integer = 7, fraction = 2)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Euros {

    @OverridesAttribute(constraint = DecimalMax.class, name = "value")
    String max() default "1000000.00";

    String message() default "must be an amount in euros";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
