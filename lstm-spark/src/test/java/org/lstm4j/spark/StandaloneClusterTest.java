package org.lstm4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.cli.CliRun;
import org.lstm4j.cli.SameRun;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.SeriesRow;

/**
 * A real standalone Spark cluster from Maven artifacts alone: a Master and a Worker as separate JVMs on 127.0.0.1,
 * two one-core executors. The many-series run on it gives the local run's metrics, and every series trained in an
 * executor process, none in the driver; {@code lstm train --spark} and {@code lstm tune --spark} on it write the
 * local runs' directories from executor processes. About 50 s on two cores; {@code -Dlstm4j.spark.cluster=false}
 * skips it.
 */
@DisabledIfSystemProperty(named = "lstm4j.spark.cluster", matches = "false")
class StandaloneClusterTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @TempDir
    static Path dir;
    private static String masterUrl;
    private static Process master;
    private static Process worker;

    @BeforeAll
    static void startCluster() throws Exception {
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        try {
            master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())), sparkHome.getParent());
            awaitLog("master", "Starting Spark master", master);
            worker = start("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", Integer.toString(freePort()), "--cores", "2", "--memory", "3g",
                    "--work-dir", Files.createDirectories(dir.resolve("work")).toString(), masterUrl),
                    sparkHome.getParent());
            awaitLog("worker", "Successfully registered with master", worker);
        } catch (Exception | AssertionError e) {
            stopCluster();
            throw e;
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        stop(worker);
        stop(master);
    }

    @Test
    void everySeriesTrainsInAnExecutorProcessWithTheLocalRunsMetrics() throws Exception {
        Path csv = ManySeriesFixture.writeCsv(dir.resolve("long.csv"));
        ExperimentSpec spec = ManySeriesFixture.spec(csv);
        List<SeriesRow> expected = new ArrayList<>(ManySeries.run(spec, Backends.load(), dir.resolve("local"), 2, false,
                row -> { }).rows());
        expected.sort(Comparator.comparing(SeriesRow::id));

        SparkSession spark = null;
        try {
            spark = ManySeriesFixture.loopback(masterUrl)
                    .config("spark.executor.extraClassPath", CLASS_PATH)
                    .config("spark.executor.memory", "1g")
                    .config("spark.executor.cores", "1")
                    .config("spark.cores.max", "2")
                    .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                    .getOrCreate();
            try (SparkForecasts out = SparkForecasting.trainEach(ManySeriesFixture.read(spark, csv), spec)) {
                assertThat(out.seriesRows()).containsExactlyElementsOf(expected);
                List<String> ranIn = out.results().map(SeriesResult::ranIn).collect();
                String driver = "@" + ProcessHandle.current().pid();
                assertThat(ranIn).hasSize(ManySeriesFixture.IDS.size())
                        .noneMatch(where -> where.startsWith("driver@") || where.endsWith(driver));
                assertThat(out.forecasts().count()).isEqualTo(ManySeriesFixture.TRAINED.size() * ManySeriesFixture.HORIZON);
            }
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    @Test
    void lstmTrainAndTuneOnTheClusterRunInExecutorsAndWriteTheLocalRuns(@TempDir Path work) throws Exception {
        Path many = SparkCommandsTest.manySeriesYaml(work);
        Path tune = SparkCommandsTest.tuningYaml(work);
        String[] cluster = {"--spark", masterUrl, "--spark-conf", "spark.executor.cores=1", "--spark-conf",
                "spark.executor.memory=1g"};
        CliRun localTrain = CliRun.of("train", many.toString(), "--output", work.resolve("train-local").toString());
        CliRun clusterTrain = CliRun.of(SparkCommandsTest.withLoopback(new String[] {"train", many.toString(), "--output",
                work.resolve("train-cluster").toString()}, cluster));
        CliRun localTune = CliRun.of("tune", tune.toString(), "--output", work.resolve("tune-local").toString());
        CliRun clusterTune = CliRun.of(SparkCommandsTest.withLoopback(new String[] {"tune", tune.toString(), "--output",
                work.resolve("tune-cluster").toString()}, cluster));

        for (CliRun run : List.of(localTrain, clusterTrain, localTune, clusterTune)) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        for (CliRun run : List.of(clusterTrain, clusterTune)) {
            String processes = run.out().lines().filter(line -> line.startsWith("ran in Spark executor processes "))
                    .findFirst().orElseThrow().substring("ran in Spark executor processes ".length());
            assertThat(processes.split(", ")).isNotEmpty()
                    .noneMatch(where -> where.startsWith("driver@") || where.endsWith("@" + ProcessHandle.current().pid()));
        }
        assertThat(clusterTrain.out()).contains("on Spark (" + masterUrl + ", 2 executor cores)");
        SameRun.assertSame(work.resolve("train-cluster"), work.resolve("train-local"));
        SameRun.assertSame(work.resolve("tune-cluster"), work.resolve("tune-local"));
    }

    private static Process start(String name, List<String> arguments, Path sparkHome) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx512m"));
        command.addAll(List.of(System.getProperty("lstm4j.spark.flags", "").split(" ")));
        command.addAll(List.of("-cp", CLASS_PATH));
        command.addAll(arguments);
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static void awaitLog(String name, String line, Process process) throws Exception {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the " + name + " did not log '" + line + "':\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
