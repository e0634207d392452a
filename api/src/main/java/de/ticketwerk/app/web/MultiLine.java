package de.ticketwerk.app.web;

import de.ticketwerk.rules.Text;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text of several lines: line breaks and tabs, but no other control character. Give its length with {@code @Size}. */
@Documented
@Constraint(validatedBy = MultiLine.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

    String message() default "must be text without Unicode noncharacters and control characters other than line breaks and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MultiLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Text.isAllowed(value, true);
        }
    }
}
