package de.ticketwerk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** Where the application's PostgreSQL is: given as a JDBC URL, or found through the embedded server's data directory. */
record Database(String jdbcUrl, String user, String password) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * The embedded server writes its port on the fourth line of {@code postmaster.pid}, the application its roles'
     * passwords into {@code credentials.properties}.
     */
    static Database embedded(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            throw new IOException("no running embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + " (start the application first, or give --jdbc-url)");
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4 || !lines.get(3).trim().matches("\\d+")) {
            throw new IOException("cannot read the port from " + pidFile);
        }
        Path credentials = dataDir.resolve("credentials.properties");
        Properties passwords = new Properties();
        try (var in = Files.newInputStream(credentials)) {
            passwords.load(in);
        }
        // the superuser, as an operator: the checks rebuild the read models in a schema of their own and tamper
        return new Database("jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres", "postgres",
                passwords.getProperty("postgres"));
    }
}
