package de.ticketwerk.app.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.annotation.Secured;

import java.util.Arrays;
import java.util.List;

/** The OpenAPI document shows the bearer scheme and, for every operation, the roles that may call it (R-A2). */
@Configuration(proxyBeanMethods = false)
class AccessDocumentation {

    static final String SCHEME = "bearer";
    private static final String ROLE = "ROLE_";

    @Bean
    OpenApiCustomizer bearerScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
        };
    }

    @Bean
    OperationCustomizer rolesOfEachOperation() {
        return (operation, handler) -> {
            Secured rule = handler.getMethodAnnotation(Secured.class);
            List<String> roles = rule == null ? List.of() : roles(rule.value());
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            operation.addExtension("x-roles", roles);
            String said = "Roles: " + (roles.isEmpty() ? "none" : String.join(", ", roles)) + ".";
            operation.setDescription(operation.getDescription() == null ? said : operation.getDescription() + "\n\n"
                    + said);
            return operation;
        };
    }

    static List<String> roles(String[] authorities) {
        return Arrays.stream(authorities).map(authority -> authority.substring(ROLE.length())).toList();
    }
}
