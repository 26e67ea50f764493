package org.lstm4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.CliRun;
import org.lstm4j.cli.SameRun;
import org.lstm4j.core.config.SpecWriter;

/**
 * {@code lstm train FILE --spark local[2]} and {@code lstm tune FILE --spark local[2]} in process, against the same
 * commands without {@code --spark}; and what the user sees when Spark cannot be used.
 */
class SparkCommandsTest {
    /** Settings of every --spark run here: loopback only, no UI port. */
    static final String[] LOOPBACK = {"--spark-conf", "spark.ui.enabled=false", "--spark-conf", "spark.driver.host=127.0.0.1",
            "--spark-conf", "spark.driver.bindAddress=127.0.0.1"};

    @TempDir
    Path dir;

    @Test
    void trainOnSparkWritesTheMetricsCsvOfTheLocalRun() throws Exception {
        Path yaml = manySeriesYaml(dir);
        CliRun local = CliRun.of("train", yaml.toString(), "--parallelism", "2", "--output", dir.resolve("local").toString());
        CliRun onSpark = CliRun.of(withLoopback("train", yaml.toString(), "--spark", "local[2]", "--output",
                dir.resolve("spark").toString()));

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.out()).contains("4 series on Spark (local[2], 2 executor cores)")
                .contains("ran in Spark executor processes driver@" + ProcessHandle.current().pid());
        assertThat(Files.readString(dir.resolve("spark/metrics.csv"))).isEqualTo(Files.readString(dir.resolve("local/metrics.csv")));
        SameRun.assertSame(dir.resolve("spark"), dir.resolve("local"));
    }

    @Test
    void tuneOnSparkWritesTheTrialsOfTheLocalSearch() throws Exception {
        Path yaml = tuningYaml(dir);
        CliRun local = CliRun.of("tune", yaml.toString(), "--output", dir.resolve("local").toString());
        CliRun onSpark = CliRun.of(withLoopback("tune", yaml.toString(), "--spark", "local[2]", "--output",
                dir.resolve("spark").toString()));

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.out()).contains(TuningFixture.TRIALS + " trials (grid), on Spark (local[2]");
        SameRun.assertSame(dir.resolve("spark"), dir.resolve("local"));
    }

    @Test
    void anUnreachableMasterIsOneLineAndExit1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of("train", manySeriesYaml(dir).toString(), "--spark", "spark://127.0.0.1:" + port);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("lstm: --spark spark://127.0.0.1:" + port
                + ": cannot reach the Spark master at 127.0.0.1:" + port + ": Connection refused").doesNotContain("\n");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void sparkOnAOneSeriesExperimentOrWithParallelismIsRefusedWithExit2() throws Exception {
        CliRun oneSeries = CliRun.of("train", tuningYaml(dir).toString(), "--spark", "local[2]");
        CliRun parallelism = CliRun.of("train", manySeriesYaml(dir).toString(), "--spark", "local[2]", "--parallelism", "2");
        CliRun confAlone = CliRun.of("tune", tuningYaml(dir).toString(), "--spark-conf", "spark.executor.memory=2g");

        assertThat(oneSeries.exitCode()).isEqualTo(2);
        assertThat(oneSeries.err()).contains("--spark runs one task per series of data.series_column");
        assertThat(parallelism.exitCode()).isEqualTo(2);
        assertThat(parallelism.err()).contains("--parallelism is for the local cores");
        assertThat(confAlone.exitCode()).isEqualTo(2);
        assertThat(confAlone.err().strip()).isEqualTo("lstm: --spark-conf needs --spark MASTER");
        CliRun notAMaster = CliRun.of("tune", tuningYaml(dir).toString(), "--spark", "lokal[2]");
        assertThat(notAMaster.exitCode()).isEqualTo(2);
        assertThat(notAMaster.err().strip()).isEqualTo("lstm: --spark lokal[2]: not a Spark master URL; use local[N], "
                + "local[*], spark://HOST:PORT, yarn or k8s://HOST:PORT");
    }

    @Test
    void anUnknownMasterHostIsSaidSo() throws Exception {
        CliRun run = CliRun.of("train", manySeriesYaml(dir).toString(), "--spark", "spark://no-such-host.invalid:7077");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("lstm: --spark spark://no-such-host.invalid:7077: cannot reach the Spark "
                + "master at no-such-host.invalid:7077: unknown host no-such-host.invalid");
    }

    /** {@code args} followed by {@link #LOOPBACK} and any {@code more} arguments. */
    static String[] withLoopback(String[] args, String... more) {
        return Stream.of(args, LOOPBACK, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static String[] withLoopback(String... args) {
        return withLoopback(args, new String[0]);
    }

    /** The fixture's many-series experiment as a YAML file, its CSV beside it. */
    static Path manySeriesYaml(Path dir) throws Exception {
        Path csv = ManySeriesFixture.writeCsv(dir.resolve("long.csv"));
        return Files.writeString(dir.resolve("many.yaml"), SpecWriter.toYaml(ManySeriesFixture.spec(csv)
                .withOutput(org.lstm4j.api.OutputSpec.defaults().withDir(dir.resolve("runs")))));
    }

    /** The fixture's search as a YAML file. */
    static Path tuningYaml(Path dir) throws Exception {
        return Files.writeString(dir.resolve("tune.yaml"), SpecWriter.toYaml(TuningFixture.spec(dir.resolve("runs"))));
    }
}
