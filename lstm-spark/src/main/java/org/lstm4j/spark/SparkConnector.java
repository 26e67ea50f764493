package org.lstm4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.lstm4j.core.remote.ClusterConnector;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;

/**
 * Starts a Spark application on a master ({@code local[N]}, {@code spark://host:port}; YARN and Kubernetes when the
 * class path has Spark's support for them, as under spark-submit) for
 * {@code lstm train FILE --spark MASTER} and {@code lstm tune FILE --spark MASTER}.
 *
 * <p>Settings it gives unless told otherwise ({@code --spark-conf KEY=VALUE} overrides each):
 * <ul>
 *   <li>{@code spark.ui.showConsoleProgress=false}: the command prints its own progress;</li>
 *   <li>on a cluster master, {@code spark.executorEnv.OMP_NUM_THREADS=1} (each task trains on one thread) and,
 *       unless spark-submit started this JVM (it ships the application jar itself),
 *       {@code spark.executor.extraClassPath} = this JVM's class path (lstm4j, its ND4J natives and Spark, at the
 *       same paths on every node: one machine, a shared file system or the same installation on each).</li>
 * </ul>
 * On a cluster master it waits up to {@value #EXECUTOR_WAIT_SECONDS} s for the first executor, so that the
 * number of pieces kept in flight is the executors' cores.
 */
public final class SparkConnector implements ClusterConnector {
    static final int EXECUTOR_WAIT_SECONDS = 60;
    private static final int SETTLE_MILLIS = 1500;

    @Override
    public String name() {
        return "Apache Spark";
    }

    @Override
    public WorkPlace connect(String master, Map<String, String> settings, String application) {
        boolean local = master.startsWith("local");
        if (master.startsWith("spark://")) {
            checkReachable(master);
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName(application)
                .config("spark.ui.showConsoleProgress", "false");
        if (!local) {
            builder.config("spark.executorEnv.OMP_NUM_THREADS", "1");
            if (!underSparkSubmit()) {
                builder.config("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            }
        }
        settings.forEach(builder::config);
        SparkSession session;
        try {
            session = builder.getOrCreate();
        } catch (Exception e) { // SparkException is a checked exception Java does not see declared
            String hint = local || master.startsWith("spark://") ? "" : " (the class path holds Spark's core and SQL, "
                    + "not its YARN or Kubernetes support: submit an application with spark-submit, docs/scale-out.md)";
            throw new RemoteWorkException("Spark did not start on " + master + ": " + SparkMessages.oneLine(e) + hint, e);
        }
        if (!local) {
            awaitExecutor(session, master);
        }
        return SparkWorkPlace.owning(session);
    }

    /**
     * Whether this JVM is a driver that spark-submit started (it sets {@code spark.submit.deployMode} among the
     * driver's system properties): Spark then ships the application jar to the executors itself, and this JVM's
     * class path means nothing on other nodes.
     */
    static boolean underSparkSubmit() {
        return System.getProperty("spark.submit.deployMode") != null;
    }

    /** Fails at once, with the address, when nothing listens at a {@code spark://} master (Spark would retry a minute). */
    private static void checkReachable(String master) {
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new RemoteWorkException("'" + master + "' is not a Spark master URL: the port of '" + address
                        + "' is not a number");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 3000);
                return;
            } catch (UnknownHostException e) {
                if (!master.contains(",")) {
                    throw new RemoteWorkException("cannot reach the Spark master at " + host + ":" + port
                            + ": unknown host " + host);
                }
            } catch (IOException e) {
                if (!master.contains(",")) {
                    throw new RemoteWorkException("cannot reach the Spark master at " + host + ":" + port + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            }
        }
        throw new RemoteWorkException("cannot reach any of the Spark masters of " + master);
    }

    /**
     * Waits for the first executor, then until no new one registered for {@value #SETTLE_MILLIS} ms: the
     * application's executors start together, and the cores they bring decide how many pieces run at once.
     */
    private static void awaitExecutor(SparkSession session, String master) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXECUTOR_WAIT_SECONDS);
        int seen = 0;
        long changed = System.nanoTime();
        while (true) {
            // the driver is one of the block managers; executors are the others
            int executors = session.sparkContext().getExecutorMemoryStatus().size() - 1;
            long now = System.nanoTime();
            if (executors != seen) {
                seen = executors;
                changed = now;
            } else if (seen > 0 && now - changed > TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                return;
            }
            if (seen == 0 && now > deadline) {
                session.stop();
                throw new RemoteWorkException("no executor started on " + master + " within " + EXECUTOR_WAIT_SECONDS
                        + " s: is a worker registered with free cores and memory for spark.executor.memory?");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                session.stop();
                throw new RemoteWorkException("interrupted while waiting for executors on " + master);
            }
        }
    }
}
