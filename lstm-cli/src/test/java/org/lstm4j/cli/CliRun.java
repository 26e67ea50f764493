package org.lstm4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code lstm} command line, in process, with its exit code and console output. Public for the tests
 * of the command's subpackages.
 *
 * @param exitCode the exit code
 * @param out      what it printed to standard output
 * @param err      what it printed to standard error
 */
public record CliRun(int exitCode, String out, String err) {
    /** Runs {@code lstm args...} in this JVM, as {@code lstm}'s main does (the named subcommand only). */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
