package de.ticketwerk.app.web;

import de.ticketwerk.rules.Forbidden;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StaleRevision;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.ticket.api.TimeEntryNotFound;
import org.apache.catalina.connector.ClientAbortException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error is application/problem+json: 400 bad input, 404 unknown, 409 conflict with the current state,
 * 412 changed since the revision named in If-Match, 422 a business rule said no. Nothing a client sends leads to a
 * 500 or a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> conflict(StateConflict e, WebRequest request) {
        return respond(e, rule(HttpStatus.CONFLICT, "Conflict with the current state", e), request);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Object> forbiddenHere(Forbidden e, WebRequest request) {
        return respond(e, rule(HttpStatus.FORBIDDEN, "Forbidden", e), request);
    }

    /** The firewall's refusal when the body is read as form parameters (a name with a line break …). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return respond(e, problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "the request line, a header or a parameter is malformed"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
        return respond(e, problem(HttpStatus.FORBIDDEN, "Forbidden", "the token's roles do not allow this"), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolated(RuleViolation e, WebRequest request) {
        return respond(e, rule(HttpStatus.UNPROCESSABLE_CONTENT, "Business rule violated", e), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException e, WebRequest request) {
        return respond(e, problem(HttpStatus.NOT_FOUND, "Not found",
                "nothing exists with the id " + e.getAggregateIdentifier()), request);
    }

    @ExceptionHandler({TimeEntryNotFound.class, NotFound.class})
    ResponseEntity<Object> notFound(RuntimeException e, WebRequest request) {
        return respond(e, problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()), request);
    }

    @ExceptionHandler(NotYet.class)
    ResponseEntity<Object> notYet(NotYet e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return handleExceptionInternal(e, problem(HttpStatus.SERVICE_UNAVAILABLE, "Not yet", e.getMessage()), headers,
                HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(StaleRevision.class)
    ResponseEntity<Object> staleRevision(StaleRevision e, WebRequest request) {
        return respond(e, problem(HttpStatus.PRECONDITION_FAILED, "Changed meanwhile", e.getMessage()), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e, WebRequest request) {
        return respond(e, problem(HttpStatus.CONFLICT, "Concurrent change",
                "the resource was changed at the same time; try again"), request);
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Object> badRequest(BadRequest e, WebRequest request) {
        return respond(e, fieldProblem(e.field(), e.getMessage(), e.getMessage()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        String message = "must be " + expected + ", got '" + printable(e.getValue()) + "'";
        ProblemDetail problem = fieldProblem(e.getName(), message, e.getName() + " " + message);
        problem.setTitle("Invalid parameter");
        return respond(e, problem, request);
    }

    /** The client went away while it sent or read: nobody is left to answer, and nothing went wrong here. */
    @ExceptionHandler(ClientAbortException.class)
    void clientGone(ClientAbortException e) {
        log.debug("The client closed the connection: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (NestedExceptionUtils.getRootCause(e) instanceof ClientAbortException gone) {
            clientGone(gone);
            return null;
        }
        log.error("Unexpected error", e);
        return respond(e, problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; nothing was changed by it"), request);
    }

    private ResponseEntity<Object> respond(Exception e, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
                request);
    }

    /**
     * Every error is problem+json whatever the request would accept: with the Content-Type set here, Spring writes
     * the problem without negotiating (a request that accepts only text/csv still learns why it failed).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedBody.TooLarge tooLarge) {
                ProblemDetail problem = Problems.tooLarge(tooLarge.limit);
                return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
            if (cause instanceof ClientAbortException gone) {
                clientGone(gone);
                return null;
            }
        }
        ProblemDetail problem = unreadable(firstJacksonCause(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(m -> m.get("field") + " " + m.get("message")).sorted()
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.stream().map(m -> m.get("field") + " " + m.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return fieldProblem(path(e), "is not a known field");
        }
        if (cause instanceof InvalidFormatException e) {
            String expected = e.getTargetType() == null ? "a valid value" : describe(e.getTargetType());
            return fieldProblem(path(e), "must be " + expected + ", got '" + printable(e.getValue()) + "'");
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            String expected = e.getTargetType() == null ? "a value of another type" : describe(e.getTargetType());
            return fieldProblem(path(e), "must be " + expected);
        }
        if (cause instanceof InputCoercionException e && !e.getPath().isEmpty()) {
            String expected = e.getTargetType() == null ? "a number" : describe(e.getTargetType());
            return fieldProblem(path(e), "must be " + expected + " within its range");
        }
        if (cause instanceof StreamConstraintsException) {
            return problem(HttpStatus.BAD_REQUEST, "Request too large",
                    "the request body is too long, too deeply nested or has too long a value");
        }
        if (cause instanceof MismatchedInputException) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body must be a JSON object");
        }
        if (cause instanceof StreamReadException e && String.valueOf(e.getOriginalMessage())
                .startsWith("Duplicate field")) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "the request body names a field twice");
        }
        if (cause instanceof StreamReadException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "the request body is not valid JSON");
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "the request body is missing or unreadable");
    }

    private static Throwable firstJacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return cause;
            }
        }
        return e;
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        return fieldProblem(field, message, field + " " + message);
    }

    private static ProblemDetail fieldProblem(String field, String message, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** A value echoed back in an answer: shortened, with control characters shown as '?', a repeated one listed. */
    private static String printable(Object value) {
        String text = value instanceof Object[] values ? String.join(", ", Arrays.stream(values)
                .map(String::valueOf).toList()) : String.valueOf(value);
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant such as 2026-03-03T16:00:00+01:00";
            case "LocalDate" -> "an ISO date such as 2026-03-01";
            case "LocalTime" -> "a time such as 09:00";
            case "BigDecimal" -> "a decimal number such as 90.00";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ProblemDetail rule(HttpStatus status, String title, RuleViolation e) {
        ProblemDetail problem = problem(status, title, e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return Problems.problem(status, title, detail);
    }
}
