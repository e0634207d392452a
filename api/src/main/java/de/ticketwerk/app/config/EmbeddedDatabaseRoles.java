package de.ticketwerk.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded PostgreSQL protects itself: every role needs its password (scram-sha-256, loopback only), Flyway
 * migrates as {@code ticketwerk_owner}, the application runs as {@code ticketwerk_app}, which owns nothing and may
 * only INSERT and SELECT on the event table. The passwords are generated on the first start and kept in
 * {@code <dataDir>/credentials.properties} (readable by its owner only).
 */
final class EmbeddedDatabaseRoles {

    static final String OWNER = "ticketwerk_owner";
    static final String APP = "ticketwerk_app";
    private static final String SUPERUSER = "postgres";
    private static final String FILE = "credentials.properties";

    record Credentials(String superuser, String owner, String app) {
    }

    private EmbeddedDatabaseRoles() {
    }

    static Optional<Credentials> stored(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new Credentials(properties.getProperty(SUPERUSER), properties.getProperty(OWNER),
                properties.getProperty(APP)));
    }

    /** Only loopback, only with a password: written before every start once the passwords exist. */
    static void requirePasswords(Path cluster) {
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), """
                    # Written by Ticketwerk: every role needs its password, on loopback only.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cluster.resolve("pg_hba.conf"), e);
        }
    }

    /**
     * On a new cluster (still trusting loopback, as initdb leaves it), sets the passwords and closes the door; on
     * every start, brings the roles, their rights and the ownership of every table up to date.
     */
    static Credentials protect(String jdbcUrl, Path dataDir, Path cluster) {
        Credentials credentials = stored(dataDir).orElse(null);
        try {
            if (credentials == null) {
                credentials = new Credentials(password(), password(), password());
                try (Connection trusted = DriverManager.getConnection(jdbcUrl, SUPERUSER, "")) {
                    update(trusted, credentials);
                }
                store(dataDir, credentials);
                requirePasswords(cluster);
                try (Connection superuser = DriverManager.getConnection(jdbcUrl, SUPERUSER, credentials.superuser());
                     Statement statement = superuser.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
            try (Connection superuser = DriverManager.getConnection(jdbcUrl, SUPERUSER, credentials.superuser())) {
                update(superuser, credentials);
            }
            return credentials;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the roles of the embedded PostgreSQL", e);
        }
    }

    private static void update(Connection superuser, Credentials credentials) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            sql.execute("SET password_encryption = 'scram-sha-256'");
            sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuser() + "'");
            sql.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN CREATE ROLE %2$s; END IF;
                    END $$""".formatted(OWNER, APP));
            sql.execute("ALTER ROLE " + OWNER + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + credentials.owner() + "'");
            sql.execute("ALTER ROLE " + APP + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + credentials.app() + "'");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + APP);
            // Tables made by earlier versions (as the superuser) go to the owner; their sequences follow them.
            sql.execute("""
                    DO $$ DECLARE r record; BEGIN
                      FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                               AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s', CASE r.relkind WHEN 'v' THEN 'VIEW'
                          WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
                      END LOOP;
                      FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind = 'S'
                               AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER SEQUENCE public.%%I OWNER TO %1$s', r.relname);
                      END LOOP;
                      FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', r.f);
                      END LOOP;
                    END $$""".formatted(OWNER));
        }
    }

    private static void store(Path dataDir, Credentials credentials) {
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER, credentials.superuser());
        properties.setProperty(OWNER, credentials.owner());
        properties.setProperty(APP, credentials.app());
        Path file = dataDir.resolve(FILE);
        Path written = dataDir.resolve(FILE + ".new");
        try {
            Files.deleteIfExists(written);
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(written)) {
                properties.store(out, "The embedded PostgreSQL's roles; generated on the first start");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String password() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
