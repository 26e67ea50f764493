package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.BackendUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A backend that cannot start (the -Pcuda build without a GPU) is one line on stderr and exit code 2. */
class BackendUnavailableTest {
    private static final String MESSAGE = "no CUDA driver or GPU found: this lstm4j was built for CUDA (-Pcuda)";

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            // as ND4J's failure reaches a command: wrapped by whatever called the backend
            throw new IllegalStateException("training failed", new BackendUnavailableException(MESSAGE,
                    new UnsatisfiedLinkError("no jnicudart in java.library.path")));
        }
    }

    @Test
    void isOneLineAndExitCodeTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = LstmCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        line.addSubcommand("boom", new Boom());
        line.setOut(new PrintWriter(out, true)); // again, so that the added subcommand writes there too
        line.setErr(new PrintWriter(err, true));
        int code = line.execute("boom");
        assertThat(code).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("lstm: " + MESSAGE + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
