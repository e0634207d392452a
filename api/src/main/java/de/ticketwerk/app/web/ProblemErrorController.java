package de.ticketwerk.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page (an error raised outside Spring MVC: a method the container refuses, a filter
 * that failed), as problem+json in place of Boot's error JSON. Asked for directly, {@code /error} does not exist.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e) {
            if (status >= 500) {
                log.error("Request to {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), e);
            } else {
                // the client sent what cannot be read (Tomcat's parameters: a name missing, bad UTF-8): its error
                log.debug("Request to {} refused: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        e.toString());
            }
        }
        ProblemDetail problem = Problems.problem(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path && Problems.isPlain(path)) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
