package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.core.SystemInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lstm info}: what a run would run on (lstm4j and Java versions, backend, devices, threads and their source,
 * the native library cache, CPU features). Starts the backend; a backend that cannot start is one line, exit 2.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what lstm4j runs on: versions, backend, devices, compute threads and where their number "
                + "came from, the native library cache, CPU features. The same as metrics.json's backend object.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SystemInfo info = SystemInfo.current();
        BackendInfo backend = info.backend();
        row(out, "lstm4j", info.lstm4jVersion());
        row(out, "backend", backend.name() + " (ND4J " + backend.engine() + ")");
        row(out, "devices", backend.devices().isEmpty() ? "none reported" : String.join("; ", backend.devices()));
        row(out, "threads", backend.threads() + " (from " + backend.threadsSource() + ")");
        row(out, "native cache", backend.nativeCache().isEmpty() ? "unknown" : backend.nativeCache());
        row(out, "java", info.javaVersion() + " (" + info.javaVendor() + ")");
        row(out, "cpu features", backend.cpuFeatures().isEmpty() ? "unknown" : String.join(" ", backend.cpuFeatures()));
        out.flush();
        return LstmCommand.OK;
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-13s %s%n", label, value);
    }
}
