package de.ticketwerk.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's errors for requests it refuses before the application sees them (a malformed URL or encoding, headers
 * too large), as problem+json instead of Tomcat's HTML page. Installed as the host's error report valve.
 */
public class ProblemReportValve extends ErrorReportValve {

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
            Problems.write(response, Problems.problem(status), request.getDecodedRequestURI());
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; there is nobody to answer
        }
    }
}
