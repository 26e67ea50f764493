package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code lstm info} on the real backend, and the same facts in a run's {@code metrics.json}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    @Order(1)
    void printsVersionsBackendThreadsAndTheirSource() {
        CliRun run = CliRun.of("info");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        String expectedSource = System.getenv("OMP_NUM_THREADS") == null ? "default" : "OMP_NUM_THREADS";
        assertThat(run.out())
                .containsPattern("(?m)^lstm4j +\\S")
                .containsPattern("(?m)^backend +dl4j \\(ND4J CpuBackend\\)$")
                .containsPattern("(?m)^devices +cpu: \\d+ cores, BLAS openblas$")
                .containsPattern("(?m)^threads +\\d+ \\(from " + expectedSource + "\\)$")
                .containsPattern("(?m)^native cache +/\\S+")
                .contains("java          " + System.getProperty("java.version"))
                .containsPattern("(?m)^cpu features +\\S");
    }

    @Test
    @Order(2)
    void theSpecsThreadsAreWhatRanAndMetricsJsonSaysSo() throws IOException {
        Path yaml = dir.resolve("two-threads.yaml");
        Files.writeString(yaml, """
                name: two-threads
                data:
                  synthetic: {function: sine, end: 20.0}
                  window: 5
                model: {hidden_size: 4, num_layers: 1}
                training: {epochs: 2, threads: 2}
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("train", yaml.toString(), "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertThat(metrics).contains("\"threads\" : 2").contains("\"threads_source\" : \"training.threads\"")
                .contains("\"native_cache\"").contains("\"cpu_features\"").contains("\"lstm4j_version\"");

        CliRun info = CliRun.of("info");
        assertThat(info.out()).containsPattern("(?m)^threads +2 \\(from training.threads\\)$");
    }
}
