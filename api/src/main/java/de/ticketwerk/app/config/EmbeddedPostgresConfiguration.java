package de.ticketwerk.app.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** With no {@code spring.datasource.url}, the application brings its own PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.port(), properties.durable());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("ticketwerk");
        return dataSource;
    }

    /** Flyway migrates as the owner and grants the application's role its rights (V10). */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer postgres) {
        return flyway -> flyway.dataSource(postgres.jdbcUrl(), postgres.owner(), postgres.ownerPassword())
                .placeholders(java.util.Map.of("appRole", postgres.user()));
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
