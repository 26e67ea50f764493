package org.lstm4j.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.lstm4j.cli.LstmCommand;

/**
 * One run of the {@code lstm} command in this JVM, as the launcher runs it with {@code --spark}.
 *
 * @param exitCode its exit code
 * @param out      standard output
 * @param err      standard error
 */
record Lstm(int exitCode, String out, String err) {
    static Lstm run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Lstm(code, out.toString(), err.toString());
    }
}
