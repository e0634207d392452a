package de.ticketwerk.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import de.ticketwerk.rules.Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything else runs, what no endpoint can take: a method it does not serve, a body larger than the
 * limit (a chunked one when it grows past it: {@link BoundedBody}), a Content-Type that is not one concrete media
 * type, a query string with control characters, bad percent-encoding or a parameter without a name.
 */
final class RequestBoundsFilter extends OncePerRequestFilter {

    /** What the servlet would otherwise answer with 501 (CONNECT, made-up methods): none of them is served. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

    private final long maxBodyBytes;

    RequestBoundsFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refusal = refusal(request);
        if (refusal != null) {
            if (refusal.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", METHODS));
            }
            Problems.write(response, refusal, request.getRequestURI());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                ? new BoundedBody(request, maxBodyBytes) : request, response);
    }

    private ProblemDetail refusal(HttpServletRequest request) {
        if (!METHODS.contains(request.getMethod())) {
            return Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed",
                    "the method " + (request.getMethod().matches("[A-Z]{1,20}") ? request.getMethod() + " " : "")
                            + "is not allowed here");
        }
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
                    "the query string is wrongly encoded, has a parameter without a name or contains characters "
                            + "that are not text");
            problem.setProperty("errors", List.of(Map.of("field", "query", "message",
                    "must be name=value pairs of percent-encoded UTF-8 text without control characters")));
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

    /** Tomcat refuses a parameter without a name ({@code ?=x}) only when a handler reads the parameters: a 500. */
    private static boolean isPlainQuery(String query) {
        if (query.startsWith("=") || query.contains("&=")) {
            return false;
        }
        try {
            return Text.isAllowed(decodeQuery(query), false);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A query string decoded as the servlet container does, but refusing bad percent-encoding and bad UTF-8. */
    private static String decodeQuery(String query) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    throw new CharacterCodingException();
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new CharacterCodingException();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }
}
