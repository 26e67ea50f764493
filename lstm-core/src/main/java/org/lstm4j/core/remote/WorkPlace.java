package org.lstm4j.core.remote;

import java.io.Serializable;
import java.util.List;

/**
 * Where the independent pieces of a run (the series of a many-series run, the trials of a search) execute, when
 * not on the driver's own threads: a cluster such as Apache Spark ({@code lstm train FILE --spark MASTER}). The
 * driver keeps everything else: it decides what to run, writes every file and resumes a killed run, so a run's
 * directory is the same wherever its pieces ran.
 *
 * <p>{@link #run} blocks until its piece is done and is called from {@link #parallelism()} driver threads at once;
 * each call is one task of the cluster. Implementations come from a {@link ClusterConnector}.
 */
public interface WorkPlace extends AutoCloseable {

    /** How many pieces the place runs at once (the cores it offers); the driver keeps that many in flight. */
    int parallelism();

    /**
     * Runs {@code work} on {@code input} there and returns its output.
     *
     * @param description what the piece is, for the cluster's own UI and for messages ("series store_7")
     * @throws RemoteWorkException  when the piece failed there, with one line saying why
     * @throws InterruptedException when the driver thread is interrupted while waiting; the piece is cancelled
     */
    <I extends Serializable, O extends Serializable> O run(String description, I input, RemoteWork<I, O> work)
            throws InterruptedException;

    /** One line for the user: the master and what it offers ("spark://10.0.0.5:7077, 8 cores"). */
    String describe();

    /** The processes that ran pieces so far (as {@code executor@pid}), in the order they were first seen. */
    List<String> processesUsed();

    /** Releases the place (stops the Spark application). */
    @Override
    void close();
}
