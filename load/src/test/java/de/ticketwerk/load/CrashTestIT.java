package de.ticketwerk.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short crash run, part of the test command: each kind of kill once under load, then the verdict. */
class CrashTestIT {

    static final Path JAR = Path.of(System.getProperty("ticketwerk.jar", "../api/target/ticketwerk.jar"));

    @TempDir
    Path workDir;

    @Test
    void killedInEveryWayTheApplicationLosesDoublesAndChangesNothing() throws Exception {
        assertThat(JAR).as("the application jar (built by ./mvnw verify before this module)").exists();
        StringBuilder log = new StringBuilder();

        CrashTest.Verdict verdict = new CrashTest(new CrashTest.Settings(JAR, workDir, 3, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(5)), line -> log.append(line).append('\n')).run();

        System.out.println(log + verdict.text());
        assertThat(verdict.ok()).as(log + verdict.text()).isTrue();
        assertThat(verdict.passed()).hasSize(8);
        assertThat(log.toString()).contains("kill -9 #1: JVM,", "kill -9 #2: JVM_AND_POSTGRES",
                "kill -9 #3: DURING_CATCH_UP", "kill -9 #4: DURING_START_UP");
        assertThat(Files.readString(workDir.resolve("application-2.log")))
                .as("the second start found the first one's PostgreSQL still running")
                .contains("left running");
    }
}
