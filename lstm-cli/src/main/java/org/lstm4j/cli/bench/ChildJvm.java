package org.lstm4j.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lstm4j.cli.LstmCommand;

/**
 * Runs one workload in a fresh JVM ({@code lstm bench WORKLOAD --in-process --json}) with {@code OMP_NUM_THREADS}
 * set to the thread count, so that each workload pays its own start-up, has its own peak RSS, and gets the
 * thread count ND4J reads at start-up. Same java, class path and JVM options as this process.
 */
public final class ChildJvm {
    private ChildJvm() {}

    static List<String> command(Workload workload, int threads, boolean quick) {
        List<String> arguments = new ArrayList<>(List.of("bench", workload.id(), "--in-process", "--json", "--threads",
                Integer.toString(threads)));
        if (quick) {
            arguments.add("--quick");
        }
        return lstm(arguments);
    }

    /**
     * The command line of {@code lstm ARGUMENTS} in a fresh JVM: this process's java, JVM options (but a debugger
     * agent, which would clash on its port, and a class-data-sharing dump, which several children would write to
     * one file) and class path. Used by the benchmark and by tests that kill a child.
     */
    public static List<String> lstm(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-Xrunjdwp")
                    && !argument.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LstmCommand.class.getName());
        command.addAll(arguments);
        return command;
    }

    /**
     * The child's figures.
     *
     * @throws BenchException when it fails or prints no result
     */
    static Map<String, Object> run(Workload workload, int threads, boolean quick) {
        ProcessRun run;
        try {
            run = ProcessRun.of(command(workload, threads, quick), Map.of("OMP_NUM_THREADS", Integer.toString(threads)));
        } catch (IOException e) {
            throw new BenchException("cannot start a JVM for workload " + workload.id() + ": " + e.getMessage());
        }
        if (!run.succeeded()) {
            throw new BenchException(run.failure("the lstm4j JVM for workload " + workload.id()));
        }
        Map<String, Object> figures = FlatJson.parse(run.json());
        if (workload == Workload.STARTUP) {
            // the child prints its result line right after its first prediction
            figures.put(Figure.SPAWN_TO_PREDICTION_MS.key, run.secondsToJson() * 1e3);
        }
        return figures;
    }
}
