package org.lstm4j.spark;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.lstm4j.core.remote.RemoteWork;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;
import scala.Tuple2;

/**
 * A {@link WorkPlace} on a Spark application: each piece of work is a Spark job of one task, submitted from the
 * driver thread that waits for it (Spark runs the jobs of several driver threads side by side, as executor cores
 * free up). With it a Spark application runs lstm4j's many-series training and searches itself:
 *
 * <pre>{@code
 * try (SparkWorkPlace place = SparkWorkPlace.of(spark)) {
 *     ManySeriesRun run = ManySeries.run(spec, ManySeries.read(spec.data()), place, Path.of("runs/stores"), false, row -> {});
 *     SearchResult search = Tuner.run(tuneSpec, Path.of("runs/tune"), trial -> {}, place);
 * }
 * }</pre>
 */
public final class SparkWorkPlace implements WorkPlace {
    private static final AtomicLong JOBS = new AtomicLong();
    private final SparkSession session;
    private final JavaSparkContext context;
    private final boolean owned;
    private final LinkedHashSet<String> processes = new LinkedHashSet<>();

    private SparkWorkPlace(SparkSession session, boolean owned) {
        this.session = Objects.requireNonNull(session, "session");
        this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
        this.owned = owned;
    }

    /** Runs pieces on {@code session}'s application; {@link #close} leaves the session running. */
    public static SparkWorkPlace of(SparkSession session) {
        return new SparkWorkPlace(session, false);
    }

    /** Runs pieces on {@code session}'s application and stops it on {@link #close}. */
    static SparkWorkPlace owning(SparkSession session) {
        return new SparkWorkPlace(session, true);
    }

    /** The executor cores of the application ({@code SparkContext.defaultParallelism}). */
    @Override
    public int parallelism() {
        return Math.max(1, context.defaultParallelism());
    }

    @Override
    public <I extends Serializable, O extends Serializable> O run(String description, I input, RemoteWork<I, O> work)
            throws InterruptedException {
        String group = "lstm4j-" + JOBS.incrementAndGet();
        context.setJobGroup(group, description, true);
        try {
            Tuple2<O, String> out = context.parallelize(List.of(input), 1).map(new Apply<>(work)).collect().get(0);
            synchronized (processes) {
                processes.add(out._2());
            }
            return out._1();
        } catch (Exception e) { // SparkException is a checked exception Java does not see declared
            if (Thread.interrupted() || e.getCause() instanceof InterruptedException) {
                context.cancelJobGroup(group);
                throw new InterruptedException(description + " was cancelled");
            }
            throw new RemoteWorkException(description + " failed on Spark: " + SparkMessages.oneLine(e), e);
        } finally {
            context.clearJobGroup();
        }
    }

    @Override
    public String describe() {
        int cores = parallelism();
        return context.master() + ", " + cores + " executor core" + (cores == 1 ? "" : "s");
    }

    @Override
    public List<String> processesUsed() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    /** Stops the application when this place started it. */
    @Override
    public void close() {
        if (owned) {
            session.stop();
        }
    }

    /** The piece of work as Spark's function, with the process it ran in. */
    private record Apply<I extends Serializable, O extends Serializable>(RemoteWork<I, O> work)
            implements Function<I, Tuple2<O, String>> {
        @Override
        public Tuple2<O, String> call(I input) throws Exception {
            SparkEnv env = SparkEnv.get();
            return new Tuple2<>(work.apply(input), (env == null ? "?" : env.executorId()) + "@" + ProcessHandle.current().pid());
        }
    }
}
