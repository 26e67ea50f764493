package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.core.remote.WorkPlaces;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER [--spark-conf KEY=VALUE]...} of {@code lstm train} and {@code lstm tune}: run the series or
 * the trials as Spark tasks. Spark is not on the command's own class path: {@code ./lstm} adds it (and
 * {@code lstm-spark}) when it sees {@code --spark}.
 */
final class SparkOptions {
    @Option(names = "--spark", paramLabel = "MASTER", description = "run each series (train) or trial (tune) as a task of "
            + "a Spark application on MASTER: local[N] or spark://HOST:PORT (YARN, Kubernetes: spark-submit, docs/scale-out.md)")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "a Spark setting for --spark, as "
            + "spark-submit's --conf (e.g. spark.executor.memory=4g); repeatable")
    Map<String, String> settings = new LinkedHashMap<>();

    boolean requested() {
        return master != null;
    }

    /**
     * Starts the Spark application, or says in one line on {@code err} why it could not.
     *
     * @return empty after the message
     */
    Optional<WorkPlace> connect(String application, PrintWriter err) {
        try {
            return Optional.of(WorkPlaces.connect(master, settings, application));
        } catch (RemoteWorkException e) {
            err.println("lstm: --spark " + master + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** The line that says where a run's pieces ran, which the tests of runs on a cluster read. */
    static String processesLine(WorkPlace place) {
        return "ran in Spark executor processes " + String.join(", ", place.processesUsed());
    }

    /** The master URLs Spark 3.5 accepts (its {@code SparkContext.createTaskScheduler} and cluster managers). */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+|mesos://.+");

    /** What picocli cannot see: {@code --spark-conf} without {@code --spark}, a master that is no Spark URL. */
    Optional<String> misuse() {
        if (master == null) {
            return settings.isEmpty() ? Optional.empty() : Optional.of("--spark-conf needs --spark MASTER");
        }
        if (!MASTER.matcher(master).matches()) {
            return Optional.of("--spark " + master + ": not a Spark master URL; use local[N], local[*], spark://HOST:PORT, "
                    + "yarn or k8s://HOST:PORT");
        }
        return Optional.empty();
    }
}
