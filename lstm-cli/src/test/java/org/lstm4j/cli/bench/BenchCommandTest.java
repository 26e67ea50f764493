package org.lstm4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.CliRun;

/**
 * {@code lstm bench} on tiny sizes ({@code --quick}): every figure is printed, the fresh-JVM path works, PyTorch
 * problems are reported. Never asserts on speed.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void quickRunPrintsEveryFigureOfEveryWorkload() {
        CliRun run = CliRun.of("bench", "--quick", "--in-process");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Workload w : Workload.values()) {
            assertThat(run.out()).containsPattern("(?m)^" + w.id() + " +lstm4j ");
            for (Figure f : w.figures) {
                String row = tableRow(run.out(), w.id() + ": " + f.label);
                if (f == Figure.SPAWN_TO_PREDICTION_MS) {
                    assertThat(row).as("measured by a parent process only").contains("n/a");
                } else {
                    assertThat(row).containsPattern("\\| +[0-9][0-9,.e+-]* \\|$");
                }
            }
        }
        assertThat(run.out()).contains("--quick: tiny sizes");
    }

    @Test
    void eachWorkloadRunsInAFreshJvmAndPrintsOneJsonLine() {
        CliRun run = CliRun.of("bench", "--quick", "--json", "startup", "infer");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        Map<String, Object> startup = FlatJson.parse(lines.get(0));
        assertThat(startup).containsEntry("workload", "startup").containsEntry("threads", 1L)
                .containsEntry("omp_num_threads", "1").containsEntry("backend", "dl4j");
        assertThat((Double) startup.get("startup_ms")).isPositive();
        assertThat((Double) startup.get("spawn_to_prediction_ms")).isPositive();
        assertThat((Double) startup.get("peak_rss_mb")).isPositive();
        Map<String, Object> infer = FlatJson.parse(lines.get(1));
        assertThat(infer).containsEntry("workload", "infer").containsKeys("b1_latency_us", "b1024_windows_per_s", "peak_rss_mb");
        assertThat((Double) infer.get("b1024_windows_per_s")).isPositive();
    }

    @Test
    void aMissingInterpreterIsReportedAndLstm4jIsStillMeasured() {
        CliRun run = CliRun.of("bench", "--quick", "--in-process", "--torch", "/nonexistent/python3", "startup");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--torch /nonexistent/python3: cannot run it")
                .contains("apt-get install -y python3-torch").contains("Measuring lstm4j only");
        assertThat(tableRow(run.out(), "startup: JVM start to first prediction, ms")).containsPattern("[0-9] \\|$");
        assertThat(run.out()).doesNotContain("PyTorch");
    }

    @Test
    void alternatesWithThePyTorchReferenceAndPrintsRatios() throws IOException {
        Path python = fakePython();
        CliRun run = CliRun.of("bench", "--quick", "--in-process", "--torch", python.toString(),
                "--torch-scripts", dir.toString(), "infer", "startup");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("calls.log")))
                .containsExactly(dir.resolve("torch_startup.py") + " 1", dir.resolve("torch_bench.py") + " infer 1");
        assertThat(run.out()).contains("PyTorch 0.0-fake").contains("5.00 GFLOP/s on 1 thread")
                .containsPattern("\\|\\s+ratio\\s+\\|"); // the column is as wide as its widest ratio (13.12x when the test JVM is large)
        assertThat(run.err()).contains("WARNING: PyTorch multiplies matrices at 5.0 GFLOP/s per thread")
                .contains("apt-get install -y libopenblas0-pthread");
        assertThat(tableRow(run.out(), "infer: latency of one window, us (median)")).contains("700.0").containsPattern("[0-9.]+x \\| lower is better");
        assertThat(tableRow(run.out(), "infer: windows/s at batch 1024")).contains("30,000").contains("higher is better");
        assertThat(tableRow(run.out(), "startup: process spawn to first prediction, ms")).containsPattern("\\| +n/a \\| +[0-9,]+ \\| +n/a \\|");

        CliRun json = CliRun.of("bench", "--quick", "--in-process", "--json", "--torch", python.toString(),
                "--torch-scripts", dir.toString(), "infer");
        Map<String, Object> line = FlatJson.parse(json.out().strip());
        assertThat(line).containsEntry("torch_version", "0.0-fake").containsEntry("torch_b1_latency_us", 700.0)
                .containsEntry("torch_gemm_gflops", 5.0)
                .containsKeys("ratio_b1_latency_us", "ratio_b1024_windows_per_s", "ratio_peak_rss_mb");
    }

    @Test
    void aFailingPyTorchWorkloadGivesExitCode1WithItsOutput() throws IOException {
        Path python = fakePython();
        CliRun run = CliRun.of("bench", "--quick", "--in-process", "--torch", python.toString(),
                "--torch-scripts", dir.toString(), "sine");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("sine: PyTorch").contains("exited with code 3").contains("| no sine here");
        assertThat(tableRow(run.out(), "sine: ms per epoch (median)")).containsPattern("\\| +[0-9.,]+ \\| +n/a \\| +n/a \\|");
    }

    @Test
    void badCommandLinesGiveExitCode2() {
        CliRun unknown = CliRun.of("bench", "--quick", "sine", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown workload 'nosuch'; choose from startup, sine, large, infer, inferlarge");
        CliRun threads = CliRun.of("bench", "--quick", "--threads", "0");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be >= 1");
    }

    @Test
    void theJobWorkloadTimesWholeLstmTrainProcessesAgainstThePyTorchJob() throws IOException {
        Path python = fakePython();
        CliRun run = CliRun.of("bench", "--quick", "--torch", python.toString(), "--torch-scripts", dir.toString(), "job");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("calls.log"))).containsExactly(dir.resolve("torch_sine_job.py") + " 1");
        String row = tableRow(run.out(), "job: whole job, process spawn to exit, s (median of pairs)");
        String[] cells = row.split("\\|");
        double lstm4j = Double.parseDouble(cells[2].trim());
        double torch = Double.parseDouble(cells[3].trim());
        assertThat(lstm4j).as("a JVM that trains two epochs").isGreaterThan(0.5);
        assertThat(torch).as("the stand-in sleeps 0.2 s").isBetween(0.2, 5.0);
        assertThat(cells[4].trim()).endsWith("x");
        assertThat(run.out()).contains("lstm train whole process, 1 thread").contains("1 pair(s)");
    }

    /** A shell script standing in for python: canned torch_bench.py lines, a failure for sine, a call log. */
    private Path fakePython() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Files.writeString(dir.resolve("torch_bench.py"), "# stand-in\n");
        Files.writeString(dir.resolve("torch_startup.py"), "# stand-in\n");
        Files.writeString(dir.resolve("torch_sine_job.py"), "# stand-in\n");
        Path python = dir.resolve("python");
        Files.writeString(python, """
                #!/bin/sh
                if [ "$1" = "-c" ]; then echo '{"torch": "0.0-fake", "gemm_gflops": 5.0}'; exit 0; fi
                echo "$*" >> "$(dirname "$0")/calls.log"
                case "$1" in
                  *torch_startup.py) echo '{"workload": "startup", "threads": 1, "torch": "0.0-fake", "peak_rss_mb": 100.5}' ;;
                  *torch_sine_job.py) sleep 0.2; echo '{"test_rmse": 0.01, "train_loss": 0.001}' ;;
                  *) if [ "$2" = "sine" ]; then echo "no sine here" >&2; exit 3; fi
                     echo '{"workload": "'"$2"'", "threads": 1, "torch": "0.0-fake", "b1_latency_us": 700.0, "b1024_windows_per_s": 30000.0, "peak_rss_mb": 250.0}' ;;
                esac
                """);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return python;
    }

    private static String tableRow(String out, String label) {
        return Arrays.stream(out.split("\\R")).filter(l -> l.startsWith("| " + label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no table row '" + label + "' in:\n" + out));
    }
}
