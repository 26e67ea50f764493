package org.lstm4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.cli.SameRun;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.Tuner;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesRun;
import org.lstm4j.core.remote.RemoteWork;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.tuning.SearchResult;

/**
 * The many-series run and the search with their pieces on Spark ({@code local[2]}, real DL4J training) write the
 * local run's directories, resume the same way, and report a failed piece in one line.
 */
class SparkWorkPlaceTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static SparkWorkPlace place;
    private static ExperimentSpec spec;

    @BeforeAll
    static void startSpark() throws Exception {
        spec = ManySeriesFixture.spec(ManySeriesFixture.writeCsv(dir.resolve("long.csv")));
        spark = ManySeriesFixture.loopback("local[2]").getOrCreate();
        place = SparkWorkPlace.of(spark);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aManySeriesRunOnSparkWritesTheLocalRunsDirectory() throws Exception {
        ManySeriesRun local = ManySeries.run(spec, Backends.load(), dir.resolve("local"), 2, false, row -> { });
        ManySeriesRun onSpark = ManySeries.run(spec, ManySeries.read(spec.data()), place, dir.resolve("spark"), false,
                row -> { });

        assertThat(onSpark.rows()).containsExactlyElementsOf(local.rows());
        assertThat(Files.readString(onSpark.directory().resolve("metrics.csv")))
                .isEqualTo(Files.readString(local.directory().resolve("metrics.csv")));
        SameRun.assertSame(onSpark.directory(), local.directory());
        assertThat(Files.readString(onSpark.directory().resolve("metrics.json"))).contains("\"ran_on\" : \"local[2]");
        assertThat(place.processesUsed()).containsExactly("driver@" + ProcessHandle.current().pid());
    }

    @Test
    void aKilledRunResumedOnSparkTrainsOnlyTheSeriesNotFinished() throws Exception {
        ManySeriesRun local = ManySeries.run(spec, Backends.load(), dir.resolve("whole"), 1, false, row -> { });
        // what a run killed after its first series leaves: that series' directory in series/ of DIR.partial
        Path target = dir.resolve("resumed");
        Path seriesRoot = Files.createDirectories(RunDirectory.partialOf(target).resolve(ManySeries.SERIES_DIRECTORY));
        String first = local.rows().get(0).directory();
        Files.createDirectories(seriesRoot.resolve(first));
        for (Path file : Files.list(local.directory().resolve(ManySeries.SERIES_DIRECTORY).resolve(first)).toList()) {
            Files.copy(file, seriesRoot.resolve(first).resolve(file.getFileName()));
        }
        CountingPlace counting = new CountingPlace(place);

        ManySeriesRun resumed = ManySeries.run(spec, ManySeries.read(spec.data()), counting, target, true, row -> { });

        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(counting.calls.get()).isEqualTo(ManySeriesFixture.IDS.size() - 1);
        SameRun.assertSame(resumed.directory(), local.directory());
    }

    @Test
    void aSearchOnSparkWritesTheLocalSearchsDirectoryAndResumes() throws Exception {
        ExperimentSpec search = TuningFixture.spec(dir.resolve("tune-runs"));
        SearchResult local = Tuner.run(search, dir.resolve("tune-local"), trial -> { });
        SearchResult onSpark = Tuner.run(search, dir.resolve("tune-spark"), trial -> { }, place);

        assertThat(onSpark.trials()).hasSize(TuningFixture.TRIALS).allMatch(trial -> trial.ok());
        assertThat(onSpark.best().orElseThrow().trial()).isEqualTo(local.best().orElseThrow().trial());
        SameRun.assertSame(dir.resolve("tune-spark"), dir.resolve("tune-local"));

        // run again over the same directory: it resumes, and a finished search sends Spark nothing
        CountingPlace counting = new CountingPlace(place);
        SearchResult again = Tuner.run(search, dir.resolve("tune-spark"), trial -> { }, counting);
        assertThat(again.trialsSkipped()).isEqualTo(TuningFixture.TRIALS);
        assertThat(counting.calls.get()).isZero();
        SameRun.assertSame(dir.resolve("tune-spark"), dir.resolve("tune-local"));
    }

    @Test
    void aPieceThatFailsThereIsOneLineNamingIt() {
        RemoteWork<String, String> failing = input -> {
            throw new IllegalStateException("no " + input + " here\n\tat some.Frame(Frame.java:1)");
        };
        assertThatThrownBy(() -> place.run("piece 7", "disk", failing))
                .isInstanceOf(RemoteWorkException.class)
                .hasMessage("piece 7 failed on Spark: IllegalStateException: no disk here");
    }

    /** A place that counts the pieces it was given. */
    private static final class CountingPlace implements WorkPlace {
        final WorkPlace delegate;
        final AtomicInteger calls = new AtomicInteger();

        CountingPlace(WorkPlace delegate) {
            this.delegate = delegate;
        }

        @Override
        public int parallelism() {
            return delegate.parallelism();
        }

        @Override
        public <I extends Serializable, O extends Serializable> O run(String description, I input, RemoteWork<I, O> work)
                throws InterruptedException {
            calls.incrementAndGet();
            return delegate.run(description, input, work);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public List<String> processesUsed() {
            return delegate.processesUsed();
        }

        @Override
        public void close() {
        }
    }
}
