package de.ticketwerk.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server on a data directory that outlives the process: the cluster lives in
 * {@code <dataDir>/postgres}. One instance at a time may own a data directory: the owner holds an exclusive lock
 * on {@code <dataDir>/ticketwerk.lock}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "ticketwerk.lock";
    private static final String CLUSTER_DIR = "postgres";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final EmbeddedDatabaseRoles.Credentials credentials;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
                                   EmbeddedDatabaseRoles.Credentials credentials) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.credentials = credentials;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        Path dir = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, dir);
            Path cluster = dir.resolve(CLUSTER_DIR);
            stopOrphanedPostmaster(cluster);
            String onOff = durable ? "on" : "off";
            Optional<EmbeddedDatabaseRoles.Credentials> stored = EmbeddedDatabaseRoles.stored(dir);
            boolean protectedBefore = stored.isPresent();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // its start-up check connects as the superuser
            stored.ifPresent(credentials -> builder.setConnectConfig("password", credentials.superuser()));
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(cluster.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectoryCustomizer(directory -> {
                        if (protectedBefore) {
                            EmbeddedDatabaseRoles.requirePasswords(directory.toPath());
                        }
                    })
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Stopped by close(), after the event processors and the connection pool: a shutdown hook of its
                    // own would stop it while they still write.
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedDatabaseRoles.Credentials credentials;
            try {
                credentials = EmbeddedDatabaseRoles.protect(jdbcUrl(postgres.getPort()), dir, cluster);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info("Embedded PostgreSQL on port {} with data directory {} (durable: {})",
                    postgres.getPort(), dir, durable);
            return new EmbeddedPostgresServer(channel, lock, postgres, credentials);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The application's role: no superuser, owns nothing. */
    public String user() {
        return EmbeddedDatabaseRoles.APP;
    }

    public String password() {
        return credentials.app();
    }

    /** The superuser's password: for tests that make databases of their own or play the intruder. */
    public String superuserPassword() {
        return credentials.superuser();
    }

    /** The role Flyway migrates as: it owns the tables. */
    public String owner() {
        return EmbeddedDatabaseRoles.OWNER;
    }

    public String ownerPassword() {
        return credentials.owner();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the data directory " + dir
                    + " is in use by another running instance; stop it or configure another directory"
                    + " (ticketwerk.embedded-postgres.data-dir)");
        }
        return lock;
    }

    /** A process killed hard leaves its PostgreSQL running; nobody else holds the lock, so it is ours to stop. */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isPresent()) {
            log.warn("Stopping PostgreSQL {} left running on {} by an earlier instance", postmaster.get().pid(), dir);
            postmaster.get().destroy();
            postmaster.get().onExit().orTimeout(60, TimeUnit.SECONDS).join();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the start already failed; that failure is the one to report
            }
        }
    }
}
