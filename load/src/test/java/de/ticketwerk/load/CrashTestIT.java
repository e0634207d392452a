package de.ticketwerk.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short crash run, part of the test command: two kills under load, then the verdict. */
class CrashTestIT {

    static final Path JAR = Path.of(System.getProperty("ticketwerk.jar", "../api/target/ticketwerk.jar"));

    @TempDir
    Path workDir;

    @Test
    void killedTwiceUnderLoadTheApplicationLosesAndDoublesNothing() throws Exception {
        assertThat(JAR).as("the application jar (built by ./mvnw verify before this module)").exists();
        StringBuilder log = new StringBuilder();

        CrashTest.Verdict verdict = new CrashTest(new CrashTest.Settings(JAR, workDir, 3, 2, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(4)), line -> log.append(line).append('\n')).run();

        assertThat(verdict.ok()).as(log + verdict.text()).isTrue();
        assertThat(verdict.passed()).hasSize(8);
        assertThat(log.toString()).contains("kill -9 #1", "kill -9 #2");
        assertThat(Files.readString(workDir.resolve("application-2.log")))
                .as("the second start found the first one's PostgreSQL still running")
                .contains("left running");
    }
}
