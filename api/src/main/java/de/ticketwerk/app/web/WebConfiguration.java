package de.ticketwerk.app.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;


/** What the web layer refuses before a controller runs, and how every refusal looks: problem+json. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestBoundsFilter> requestBoundsFilter(
            @Value("${ticketwerk.web.max-body-size}") DataSize maxBody) {
        FilterRegistrationBean<RequestBoundsFilter> registration =
                new FilterRegistrationBean<>(new RequestBoundsFilter(maxBody.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** If-Match of a request goes with its commands (Axon registers dispatch interceptors found as beans). */
    @Bean
    IfMatch ifMatch() {
        return new IfMatch();
    }

    /** If-Match in the OpenAPI document of every change of a ticket, customer or contract. */
    @Bean
    OperationCustomizer ifMatchHeader() {
        return (operation, handler) -> {
            boolean changesOne = Operations.changes(handler) && Operations.paths(handler).stream()
                    .anyMatch(path -> path.startsWith("/{ticketId}") || path.startsWith("/{customerId}")
                            || path.startsWith("/{contractId}"));
            if (changesOne) {
                operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                        .schema(new StringSchema().example("\"3\""))
                        .description("The ETag read with GET; when the resource has changed since, 412 and nothing "
                                + "changes."));
            }
            return operation;
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
