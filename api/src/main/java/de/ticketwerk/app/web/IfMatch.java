package de.ticketwerk.app.web;

import de.ticketwerk.rules.Revision;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource backed by an aggregate answers its revision as a strong ETag
 * ({@code "3"}), and a change sent with {@code If-Match: "3"} goes to the aggregate with that revision in the
 * command's metadata, where it is refused (412) unless the aggregate is still at it ({@link Revision}). Without
 * If-Match, or with {@code *}, the change is unconditional.
 */
public final class IfMatch implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final Pattern TAG = Pattern.compile("\"(\\d{1,18})\"");

    public static <T> ResponseEntity<T> tagged(T body, long revision) {
        return ResponseEntity.ok().eTag(Long.toString(revision)).body(body);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        Long expected = CurrentUnitOfWork.isStarted() ? null : expectedByRequest();
        return (index, command) -> expected == null ? command
                : command.andMetaData(Map.of(Revision.EXPECTED, expected));
    }

    /** The revision of a plain strong entity tag; a weak one never matches (RFC 9110: If-Match compares strongly). */
    private static Long expectedByRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String header = request.getHeader(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/\"")) {
            return -1L;
        }
        Matcher revision = TAG.matcher(tag);
        if (!revision.matches()) {
            throw new BadRequest(HttpHeaders.IF_MATCH, "If-Match must be one ETag as this API sends it, such as \"3\"");
        }
        return Long.parseLong(revision.group(1));
    }
}
