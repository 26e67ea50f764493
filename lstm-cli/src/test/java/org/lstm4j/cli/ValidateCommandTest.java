package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code lstm validate} prints about a bad file, and nothing else. */
class ValidateCommandTest {
    /** Breaks a DecimalMin (learning_rate), a DecimalMax (dropout) and a Min, with a key-order problem first found last. */
    private static final String BAD = """
            data:
              source: {csv: series.csv}
              target: no_such_column
              window: 0
            model:
              hidden_size: 8
              dropout: 1.5
            training:
              optimizer: {learning_rate: -1}
            """;

    @TempDir
    Path dir;

    /** The run, with what anything in the JVM wrote to the process's stdout and stderr (loggers included). */
    private record Console(CliRun run, String processOut, String processErr) {}

    private Console validate(String yaml) throws IOException {
        Files.writeString(dir.resolve("series.csv"), "y\n" + "1\n".repeat(50));
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream processOut = new ByteArrayOutputStream();
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
            CliRun run = CliRun.of("validate", file.toString());
            return new Console(run, processOut.toString(StandardCharsets.UTF_8), processErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsTheProblemsWithoutHibernateValidatorWarnings() throws IOException {
        Console console = validate(BAD);

        assertThat(console.run().exitCode()).isEqualTo(2);
        assertThat(console.run().err()).contains("dropout").contains("learning_rate");
        assertThat(console.processErr() + console.processOut() + console.run().err() + console.run().out())
                .doesNotContain("HV000185").doesNotContain("WARN");
    }

    @Test
    void printsTheProblemsSortedByLine() throws IOException {
        Console console = validate(BAD);

        List<Integer> lines = Arrays.stream(console.run().err().split("\\R"))
                .filter(line -> line.startsWith(dir.resolve("bad.yaml").toString()))
                .map(line -> Integer.parseInt(line.substring(dir.resolve("bad.yaml").toString().length() + 1).split(":")[0]))
                .toList();
        assertThat(lines).containsExactly(3, 4, 7, 9);
    }
}
