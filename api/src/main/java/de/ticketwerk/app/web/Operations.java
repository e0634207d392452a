package de.ticketwerk.app.web;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the OpenAPI document's customizers ask of a controller method. */
public final class Operations {

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    private Operations() {
    }

    /** Whether it records or changes something (a POST, PUT, PATCH or DELETE). */
    public static boolean changes(HandlerMethod handler) {
        RequestMapping mapping = mapping(handler);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(CHANGING::contains);
    }

    /** Its paths below the controller's own. */
    public static List<String> paths(HandlerMethod handler) {
        RequestMapping mapping = mapping(handler);
        return mapping == null ? List.of() : List.of(mapping.value());
    }

    private static RequestMapping mapping(HandlerMethod handler) {
        return AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    }
}
