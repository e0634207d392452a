package de.ticketwerk.app.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value a client can send is bounded: each text of every request body, query and path has a length and its
 * character rule, each date and instant the business range, each amount its maximum, each number a maximum. Fails
 * when a field or parameter is added without them.
 */
class BoundedInputCoverageTest {

    @Test
    void everyFieldAndParameterOfEveryEndpointIsBounded() throws Exception {
        List<String> unbounded = new ArrayList<>();
        int checked = 0;
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (var candidate : scanner.findCandidateComponents("de.ticketwerk.app")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                if (!isEndpoint(method)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    String where = controller.getSimpleName() + "." + method.getName() + "(" + parameter.getName()
                            + ")";
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        checked += checkRecord(parameter.getType(), where, unbounded);
                    } else if (parameter.isAnnotationPresent(RequestParam.class)
                            || parameter.isAnnotationPresent(PathVariable.class)) {
                        checked++;
                        check(parameter.getAnnotatedType(), parameter, where, unbounded);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
        assertThat(unbounded).isEmpty();
    }

    private static boolean isEndpoint(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(RequestMapping.class)) {
                return true;
            }
        }
        return false;
    }

    private static int checkRecord(Class<?> type, String where, List<String> unbounded) {
        if (!type.isRecord()) {
            unbounded.add(where + ": a body must be a record of bounded fields, not " + type.getSimpleName());
            return 0;
        }
        int checked = 0;
        for (RecordComponent component : type.getRecordComponents()) {
            checked++;
            String field = where + "." + component.getName();
            check(component.getAnnotatedType(), component, field, unbounded);
            Class<?> nested = nestedRecord(component.getAnnotatedType());
            if (nested != null) {
                checked += checkRecord(nested, field, unbounded);
            }
        }
        return checked;
    }

    private static Class<?> nestedRecord(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (argument.getType() instanceof Class<?> element && element.isRecord()) {
                    return element;
                }
            }
            return null;
        }
        return type.getType() instanceof Class<?> plain && plain.isRecord() ? plain : null;
    }

    /** The annotations that bound a value of its type, on the value itself or, for a collection, on its elements. */
    private static void check(AnnotatedType type, AnnotatedElement element, String where, List<String> unbounded) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            Class<?> raw = (Class<?>) ((java.lang.reflect.ParameterizedType) parameterized.getType()).getRawType();
            if ((Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))
                    && List.of(String.class, BigDecimal.class).stream().anyMatch(t ->
                    List.of(parameterized.getAnnotatedActualTypeArguments()).stream()
                            .anyMatch(a -> a.getType() == t)) && !element.isAnnotationPresent(Size.class)
                    && !type.isAnnotationPresent(Size.class)
                    && !Map.class.isAssignableFrom(raw)) {
                unbounded.add(where + ": a list without @Size");
            }
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                check(argument, argument, where + "[]", unbounded);
            }
            return;
        }
        Class<?> value = type.getType() instanceof Class<?> plain ? plain : Object.class;
        java.util.function.Predicate<Class<? extends Annotation>> has =
                a -> element.isAnnotationPresent(a) || type.isAnnotationPresent(a);
        boolean bounded;
        if (value == String.class) {
            bounded = has.test(Pattern.class) || has.test(Size.class)
                    && (has.test(SingleLine.class) || has.test(MultiLine.class) || has.test(Email.class));
        } else if (value == LocalDate.class || value == Instant.class || value == YearMonth.class) {
            bounded = has.test(BusinessDate.class);
        } else if (value == BigDecimal.class) {
            bounded = has.test(Euros.class) || has.test(Percent.class);
        } else if (value == int.class || value == Integer.class || value == long.class || value == Long.class) {
            bounded = has.test(Max.class);
        } else {
            bounded = true;
        }
        if (!bounded) {
            unbounded.add(where + " (" + value.getSimpleName() + ")");
        }
    }
}
