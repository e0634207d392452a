package de.ticketwerk.app.idempotency;

import de.ticketwerk.app.idempotency.IdempotentRequests.Answer;
import de.ticketwerk.app.tuning.AggregateCaches;
import de.ticketwerk.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Safe retries with an {@code Idempotency-Key} header, in Stripe's manner: the first successful answer to a key is
 * kept and sent again for the same request, without recording anything new; the same key with another request is
 * 422; while a request with the key is in flight, another one is 409. The request runs in one transaction with its
 * answer, so a crash leaves either the events and the answer or neither, and the retry then records them once.
 * Only successful answers are kept: a refused request changed nothing and may be sent again, corrected, with its key.
 * The administration of people and clients is left out: its requests carry passwords, and names are unique anyway.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> NOT_KEPT = List.of("/api/v1/users", "/api/v1/clients");
    private static final int MAX_KEY_LENGTH = 255;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final PlatformTransactionManager transactions;
    private final AggregateCaches caches;
    private final Duration retention;
    private final long maxBodyBytes;
    private final Clock clock;

    IdempotencyFilter(IdempotentRequests requests, PlatformTransactionManager transactions, AggregateCaches caches,
                      Duration retention, long maxBodyBytes, Clock clock) {
        this.requests = requests;
        this.transactions = transactions;
        this.caches = caches;
        this.retention = retention;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getHeader(HEADER) == null || !CHANGING.contains(request.getMethod())
                || !path.startsWith("/api/") || NOT_KEPT.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!isWellFormed(key)) {
            refuse(request, response, keyProblem());
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            refuse(request, response, Problems.tooLarge(maxBodyBytes));
            return;
        }
        byte[] fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        Outcome outcome;
        try {
            outcome = handle(caller.getName(), key, fingerprint, new BufferedRequest(request, body), answer, chain);
        } catch (RuntimeException | IOException | ServletException e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (outcome == Outcome.ANSWERED_HERE) {
            transactions.rollback(transaction);
            return;
        }
        if (!isSuccess(answer.getStatus())) {
            transactions.rollback(transaction);
            answer.copyBodyToResponse();
            return;
        }
        try {
            if (transaction.isRollbackOnly()) {
                throw new IllegalStateException("a part of the request failed although it was answered "
                        + answer.getStatus());
            }
            requests.record(caller.getName(), key, new Answer(fingerprint, answer.getStatus(),
                    answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                    answer.getContentAsByteArray()), clock.instant());
            transactions.commit(transaction);
        } catch (TransactionException | DataAccessException | IllegalStateException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            log.error("{} {} with an Idempotency-Key could not be stored; nothing of it was kept", request.getMethod(),
                    request.getRequestURI(), e);
            response.reset();
            Problems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE.value()), request.getRequestURI());
            return;
        }
        answer.copyBodyToResponse();
    }

    /**
     * Whatever the request's commands stored goes, and with it any aggregate cached with those events: before the
     * aggregates' locks are released (see {@link de.ticketwerk.app.tuning.LocksUntilCommit}), so that no other command
     * sees them in between.
     */
    private record ForgetCachedAggregatesOnRollback(AggregateCaches caches) implements TransactionSynchronization {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
                caches.forgetAll();
            }
        }
    }

    /** Handled by the application, or answered here: refused, or the earlier answer sent again. */
    private enum Outcome { HANDLED, ANSWERED_HERE }

    private Outcome handle(String principal, String key, byte[] fingerprint, HttpServletRequest request,
                           ContentCachingResponseWrapper answer, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) answer.getResponse();
        if (!requests.lock(principal, key)) {
            refuse(request, response, Problems.problem(HttpStatus.CONFLICT, "Request in progress",
                    "a request with this Idempotency-Key is still being handled; send it again once it is answered"));
            return Outcome.ANSWERED_HERE;
        }
        var earlier = requests.answered(principal, key, clock.instant().minus(retention));
        if (earlier.isPresent()) {
            if (!Arrays.equals(earlier.get().fingerprint(), fingerprint)) {
                refuse(request, response, Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                        "this Idempotency-Key was used for another request; a new request needs a new key"));
            } else {
                replay(earlier.get(), response);
            }
            return Outcome.ANSWERED_HERE;
        }
        TransactionSynchronizationManager.registerSynchronization(new ForgetCachedAggregatesOnRollback(caches));
        chain.doFilter(request, answer);
        return Outcome.HANDLED;
    }

    private static void replay(Answer earlier, HttpServletResponse response) throws IOException {
        response.setStatus(earlier.status());
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, earlier.etag());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(earlier.body().length);
        response.getOutputStream().write(earlier.body());
        response.flushBuffer();
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** Printable ASCII, as Stripe takes it: a UUID is the usual choice. */
    static boolean isWellFormed(String key) {
        return !key.isBlank() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static ProblemDetail keyProblem() {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid header",
                "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, such as a UUID");
        problem.setProperty("errors", List.of(Map.of("field", HEADER, "message",
                "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters")));
        return problem;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.write(response, problem, request.getRequestURI());
    }

    /** The request a key is bound to: method, path, query and body. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        byte[] line = (request.getMethod() + ' ' + request.getRequestURI() + (query == null ? "" : '?' + query) + '\n')
                .getBytes(StandardCharsets.UTF_8);
        byte[] both = Arrays.copyOf(line, line.length + body.length);
        System.arraycopy(body, 0, both, line.length, body.length);
        return IdempotentRequests.sha256(both);
    }

    /** The request with its body read once into memory, so that it can be fingerprinted and still be handled. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
