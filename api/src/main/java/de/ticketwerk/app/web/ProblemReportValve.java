package de.ticketwerk.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's errors for requests it refuses before the application sees them (a malformed URL or encoding, headers
 * too large), as problem+json instead of Tomcat's HTML page. Installed as the host's error report valve. Tomcat's 501
 * is the client's error: a method no resource has (CONNECT) is 405, a transfer coding other than chunked 400.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static ProblemDetail notImplementedAsClientError(Request request, Response response, int status) {
        if (status != HttpStatus.NOT_IMPLEMENTED.value()) {
            return Problems.problem(status);
        }
        if (!RequestBoundsFilter.METHODS.contains(request.getMethod())) {
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", RequestBoundsFilter.METHODS));
            return Problems.problem(HttpStatus.METHOD_NOT_ALLOWED.value());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return Problems.problem(HttpStatus.BAD_REQUEST, "Bad Request",
                "the request's Transfer-Encoding is not supported: send the body with a Content-Length or chunked");
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.resetBuffer();
            Problems.write(response, notImplementedAsClientError(request, response, status),
                    request.getDecodedRequestURI());
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; there is nobody to answer
        }
    }
}
