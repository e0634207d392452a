package de.ticketwerk.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application jar in a process of its own, on its own data directory, to be killed and started again. */
final class Application {

    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    Application(Path jar, Path dataDir, Path logDir) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.logDir = logDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    void start(Duration patience) throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--server.port=" + port,
                "--ticketwerk.embedded-postgres.data-dir=" + dataDir));
        Path log = logDir.resolve("application-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api api = new Api(url());
        long giveUp = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IOException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/actuator/health").ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("the application did not become healthy within " + patience + "; see " + log);
    }

    /** SIGKILL to the JVM alone: its embedded PostgreSQL stays behind, as after a real crash of the application. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful shutdown that also stops the embedded PostgreSQL. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
