package de.ticketwerk.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything else runs, what no endpoint can take: a body larger than the limit, a Content-Type that is
 * not one concrete media type, a query string with control characters or bad percent-encoding.
 */
final class RequestBoundsFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;

    RequestBoundsFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refusal = refusal(request);
        if (refusal != null) {
            Problems.write(response, refusal, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private ProblemDetail refusal(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return Problems.tooLarge(maxBodyBytes);
        }
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Content-Type must be one concrete media type such as application/json");
        }
        String query = request.getQueryString();
        if (query != null && !isPlainQuery(query)) {
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "the query string is wrongly encoded or contains control characters");
            problem.setProperty("errors", List.of(Map.of("field", "query", "message",
                    "must be percent-encoded UTF-8 without control characters")));
            return problem;
        }
        return null;
    }

    private static boolean isConcrete(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isPlainQuery(String query) {
        try {
            return Text.isAllowed(Text.decodeQuery(query), false);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
