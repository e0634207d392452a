package de.ticketwerk.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The application jar in a process of its own, on its own data directory, to be killed and started again. */
final class Application {

    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private final List<String> arguments;
    private Process process;
    private int starts;

    Application(Path jar, Path dataDir, Path logDir, String... arguments) throws IOException {
        this.arguments = List.of(arguments);
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

    /** A token of the integration client registered at start ({@link Tokens#CLIENT_ID}). */
    Tokens clientTokens() {
        return Tokens.clientCredentials(url(), Tokens.CLIENT_ID, Tokens.CLIENT_SECRET);
    }

    /** A token per actor, signed with the key the application stored on its first start. */
    Tokens actorTokens() throws IOException {
        return Tokens.signedWithStoredKey(Database.embedded(dataDir));
    }

    Path dataDir() {
        return dataDir;
    }

    void start(Duration patience) throws IOException, InterruptedException {
        launch();
        Path log = log();
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

    /** The MSP the application needs to start (R-I7): started outside the project, it has no config/ to read. */
    static final List<String> SELLER_ARGUMENTS = List.of("--ticketwerk.seller.name=Lasttest IT-Service GmbH",
            "--ticketwerk.seller.street=Teststraße 1", "--ticketwerk.seller.postal-code=48143",
            "--ticketwerk.seller.city=Münster", "--ticketwerk.seller.vat-id=DE811907980",
            "--ticketwerk.seller.email=rechnung@lasttest.example", "--ticketwerk.seller.phone=+49 251 1234560",
            "--ticketwerk.seller.iban=DE02120300000000202051", "--ticketwerk.seller.bank=Deutsche Kreditbank Berlin");

    private void launch() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--server.port=" + port,
                "--ticketwerk.embedded-postgres.data-dir=" + dataDir));
        command.addAll(Tokens.CLIENT_ARGUMENTS);
        command.addAll(SELLER_ARGUMENTS);
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    /** The log of the latest start. */
    Path log() {
        return logDir.resolve("application-" + starts + ".log");
    }

    /** SIGKILL to the JVM alone: its embedded PostgreSQL stays behind, as after a real crash of the application. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGKILL to the JVM and to PostgreSQL with all its processes, as a power cut would: PostgreSQL recovers from
     * its write-ahead log at the next start.
     */
    void killWithPostgres() throws InterruptedException, IOException {
        Optional<ProcessHandle> postmaster = postmaster();
        kill();
        if (postmaster.isPresent()) {
            List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
            all.add(postmaster.get());
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : all) {
                process.onExit().join();
            }
        }
    }

    /** Starts the application and kills it, with its PostgreSQL, {@code after} the launch, while it starts up. */
    void killDuringStartUp(Duration after) throws IOException, InterruptedException {
        launch();
        Thread.sleep(after.toMillis());
        killWithPostgres();
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).filter(p -> p.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid))).filter(ProcessHandle::isAlive);
    }

    /** What the latest start logged as WARN or ERROR from the moment its graceful shutdown began. */
    List<String> complaintsDuringShutdown() throws IOException {
        List<String> lines = Files.readAllLines(log());
        int from = 0;
        while (from < lines.size() && !lines.get(from).contains("Commencing graceful shutdown")) {
            from++;
        }
        if (from == lines.size()) {
            return List.of("no graceful shutdown in " + log());
        }
        return lines.subList(from, lines.size()).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
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
