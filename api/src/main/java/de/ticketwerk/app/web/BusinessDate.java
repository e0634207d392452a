package de.ticketwerk.app.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A date, instant or month in the {@link BusinessRange}. */
@Documented
@Constraint(validatedBy = {BusinessDate.DateValidator.class, BusinessDate.InstantValidator.class,
        BusinessDate.MonthValidator.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessDate {

    String message() default BusinessRange.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class DateValidator implements ConstraintValidator<BusinessDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || BusinessRange.contains(value);
        }
    }

    class InstantValidator implements ConstraintValidator<BusinessDate, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || BusinessRange.contains(value);
        }
    }

    class MonthValidator implements ConstraintValidator<BusinessDate, YearMonth> {
        @Override
        public boolean isValid(YearMonth value, ConstraintValidatorContext context) {
            return value == null || BusinessRange.contains(value.atDay(1));
        }
    }
}
