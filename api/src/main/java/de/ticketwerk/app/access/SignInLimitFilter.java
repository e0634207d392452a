package de.ticketwerk.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in form's guard against guessing: a try while the account or the address must wait is refused before
 * the password is looked at (429 with Retry-After and a page that says how long to wait); a right password forgets the account's
 * failures. Wrong ones are counted where Spring Security announces them ({@code EmbeddedIssuerConfiguration}).
 */
final class SignInLimitFilter extends OncePerRequestFilter {

    private static final String LOGIN = "/login";
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Please wait</title></head>
            <body><h2>Too many wrong passwords</h2><p>Try again in %d seconds: <a href="/login">sign in</a>.</p>
            </body></html>
            """;

    private final SignInAttempts attempts;
    private final AuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInLimitFilter(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !LOGIN.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = attempts.waitBefore(username(request), request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(PAGE.formatted(seconds));
            return;
        }
        chain.doFilter(request, response);
    }

    AuthenticationSuccessHandler successHandler() {
        return (request, response, authentication) -> {
            attempts.succeeded(authentication.getName());
            onwards.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static String username(HttpServletRequest request) {
        String username = request.getParameter("username");
        return username == null ? "" : username.trim();
    }
}
