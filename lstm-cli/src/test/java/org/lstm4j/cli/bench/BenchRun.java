package org.lstm4j.cli.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.lstm4j.cli.LstmCommand;

/**
 * One in-process run of the {@code lstm} command line (like the CLI tests' CliRun, which is package-private there).
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record BenchRun(int exitCode, String out, String err) {
    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new BenchRun(code, out.toString(), err.toString());
    }
}
