package de.ticketwerk.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * {@code java -jar load/target/ticketwerk-load.jar drive|crash [--name=value ...]}: the load driver against a
 * running application, or the crash test, which starts the application jar itself. See BENCHMARKS.md.
 */
public final class LoadCommand {

    private static final String USAGE = """
            usage:
              drive [--url=http://localhost:8080] [--clients=16] [--customers-per-client=10] [--seconds=60]
                    [--warmup-seconds=10]
                    [--data-dir=./data | --jdbc-url=... --jdbc-user=... --jdbc-password=...] [--raw=true]
                    [--client-id=load --client-secret=...]
                  load a running application as an integration client (client credentials at its token
                  endpoint; the application must know the client, see BENCHMARKS.md), then measure raw single-row inserts on its PostgreSQL
              crash [--jar=api/target/ticketwerk.jar] [--work-dir=target/crash-<time>] [--clients=8]
                    [--kills=4] [--min-load-seconds=5] [--max-load-seconds=15]
                  kill -9 the application (and its PostgreSQL) under load, during start-up and during a catch-up,
                  then check that nothing was lost, doubled or changed""";

    private LoadCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("drive") || args[0].equals("crash"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            boolean ok = args[0].equals("drive") ? drive(args) : crash(args);
            System.exit(ok ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static boolean drive(String[] args) throws Exception {
        Options options = new Options(args, 1, Set.of("url", "clients", "customers-per-client", "seconds",
                "warmup-seconds", "data-dir", "jdbc-url", "jdbc-user", "jdbc-password", "raw", "client-id",
                "client-secret"));
        String url = options.text("url", "http://localhost:8080");
        int clients = options.number("clients", 16);
        int customersPerClient = options.number("customers-per-client", 10);
        Duration duration = Duration.ofSeconds(options.number("seconds", 60));
        Duration warmUp = Duration.ofSeconds(options.number("warmup-seconds", 10));
        boolean raw = Boolean.parseBoolean(options.text("raw", "true"));
        Database database = !raw ? null : options.has("jdbc-url")
                ? new Database(options.text("jdbc-url", null), options.text("jdbc-user", "postgres"),
                options.text("jdbc-password", ""))
                : Database.embedded(Path.of(options.text("data-dir", "./data")));

        LoadDriver driver = new LoadDriver(url, Tokens.clientCredentials(url, options.text("client-id",
                Tokens.CLIENT_ID), options.text("client-secret", Tokens.CLIENT_SECRET)));
        System.out.printf("Setting up %d clients with %d customers each against %s%n", clients, customersPerClient,
                url);
        var setUp = driver.setUp(clients, customersPerClient);
        if (!warmUp.isZero()) {
            System.out.printf("Warm-up: %d s%n", warmUp.toSeconds());
            driver.run(setUp, warmUp, false);
        }
        System.out.printf("Load: %d s%n", duration.toSeconds());
        LoadDriver.Report report = driver.run(setUp, duration, true);
        System.out.println(report.markdown());
        if (raw) {
            System.out.printf("Raw single-row committed inserts: %d connections, %d s%n", clients,
                    duration.toSeconds());
            double perSecond = RawInserts.perSecond(database, clients, duration);
            System.out.printf("raw inserts/s: %.0f%nratio application/raw: %.2f%n", perSecond,
                    report.commandsPerSecond() / perSecond);
        }
        return report.errorsByStatus().isEmpty();
    }

    private static boolean crash(String[] args) throws Exception {
        Options options = new Options(args, 1, Set.of("jar", "work-dir", "clients", "kills", "min-load-seconds",
                "max-load-seconds"));
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        CrashTest.Settings settings = new CrashTest.Settings(
                Path.of(options.text("jar", "api/target/ticketwerk.jar")).toAbsolutePath(),
                Path.of(options.text("work-dir", "target/crash-" + time)).toAbsolutePath(),
                options.number("clients", 8), options.number("kills", 4),
                Duration.ofSeconds(options.number("min-load-seconds", 5)),
                Duration.ofSeconds(options.number("max-load-seconds", 15)));
        System.out.printf("Crash test: %d kills, %d clients, work directory %s%n", settings.kills(),
                settings.clients(), settings.workDir());
        CrashTest.Verdict verdict = new CrashTest(settings, System.out::println).run();
        System.out.println(verdict.text());
        return verdict.ok();
    }
}
