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

/** A one-line text: no control characters at all, no line breaks. Give its length with {@code @Size}. */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be one line of text without control characters or Unicode noncharacters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Text.isAllowed(value, false);
        }
    }
}
