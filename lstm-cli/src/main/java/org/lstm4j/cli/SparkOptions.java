package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
            + "a Spark application on MASTER: local[N], spark://HOST:PORT, yarn, ... (docs/scale-out.md)")
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

    /** {@code --spark-conf} without {@code --spark}: the one mistake picocli cannot see. */
    Optional<String> misuse() {
        return master == null && !settings.isEmpty() ? Optional.of("--spark-conf needs --spark MASTER") : Optional.empty();
    }
}
