package de.ticketwerk.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * application/problem+json for every error, also for those answered outside Spring MVC (the servlet filter, the
 * error page, Tomcat's own errors), in the same shape as Spring's {@link ProblemDetail}.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A body over the limit, refused before it is read (413). */
    public static ProblemDetail tooLarge(long maxBodyBytes) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                "the request body may have at most " + maxBodyBytes + " bytes");
    }

    /** For errors that no handler describes better: the status's reason phrase and a plain detail. */
    public static ProblemDetail problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answer = known == null ? HttpStatus.BAD_REQUEST : known;
        return problem(answer, answer.getReasonPhrase(), switch (answer.value()) {
            case 400 -> "the request line, a header or the URL is malformed, wrongly encoded or too large";
            case 404 -> "no such resource";
            case 405 -> "the method is not allowed here";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            default -> answer.is5xxServerError() ? "the request could not be completed; nothing was changed by it"
                    : "the request was refused";
        });
    }

    /** Writes the problem as the whole response, whatever the request asked to accept. */
    public static void write(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", problem.getDetail());
        if (path != null && isPlain(path)) {
            body.put("instance", path);
        }
        body.put("status", problem.getStatus());
        body.put("title", problem.getTitle());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** A path Tomcat refused may be anything; only a plain one is echoed back. */
    static boolean isPlain(String path) {
        return path.length() <= 200 && path.matches("[A-Za-z0-9/._~-]+");
    }
}
