package org.lstm4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians, the JSON lines, ratios and the table, without running a network. */
class BenchPartsTest {

    @Test
    void medianIsNumpys() {
        assertThat(Stats.median(new double[] {9, 3, 1, 2}, 1)).isEqualTo(2);
        assertThat(Stats.median(new double[] {9, 3, 1, 2, 4, 7}, 1)).isEqualTo(3);
        assertThat(Stats.median(new double[] {9, 3, 1, 2, 4}, 1)).isEqualTo(2.5);
        assertThatThrownBy(() -> Stats.median(new double[] {1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTorchBenchLines() {
        Map<String, Object> line = FlatJson.parse(
                "{\"workload\": \"sine\", \"threads\": 1, \"torch\": \"1.13.0a0\", \"epoch_ms\": 48.25, \"final_loss\": 1.5e-05, "
                        + "\"peak_rss_mb\": 266.1, \"x\": NaN, \"ok\": true, \"none\": null}");
        assertThat(line).containsEntry("workload", "sine").containsEntry("threads", 1L).containsEntry("torch", "1.13.0a0")
                .containsEntry("epoch_ms", 48.25).containsEntry("final_loss", 1.5e-05).containsEntry("ok", true)
                .containsEntry("none", null);
        assertThat((Double) line.get("x")).isNaN();
        assertThatThrownBy(() -> FlatJson.parse("{\"a\": 1} trailing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", "in\"fer");
        m.put("b1_latency_us", 712.5);
        m.put("threads", 2);
        m.put("nan", Double.NaN);
        m.put("quick", false);
        String line = FlatJson.write(m);
        assertThat(line).isEqualTo("{\"workload\":\"in\\\"fer\",\"b1_latency_us\":712.5,\"threads\":2,\"nan\":null,\"quick\":false}");
        assertThat(FlatJson.parse(line)).containsEntry("workload", "in\"fer").containsEntry("threads", 2L);
    }

    @Test
    void ratiosAreLstm4jOverPyTorchInJsonAndTable() {
        Map<String, Object> mine = Map.of("workload", "infer", "b1_latency_us", 1400.0, "b1024_windows_per_s", 16550.0,
                "peak_rss_mb", 532.0, "backend", "dl4j", "engine", "CpuBackend", "threads", 1L);
        Map<String, Object> theirs = Map.of("workload", "infer", "b1_latency_us", 700.0, "b1024_windows_per_s", 33100.0,
                "peak_rss_mb", 266.0, "torch", "1.13.0a0", "threads", 1L);
        Result r = new Result(Workload.INFER, mine, null, theirs, null);
        Map<String, Object> json = r.json();
        assertThat(json).containsEntry("b1_latency_us", 1400.0).containsEntry("torch_b1_latency_us", 700.0)
                .containsEntry("torch_version", "1.13.0a0").containsEntry("ratio_b1_latency_us", 2.0)
                .containsEntry("ratio_b1024_windows_per_s", 0.5).containsEntry("ratio_peak_rss_mb", 2.0);

        StringWriter text = new StringWriter();
        BenchReport.printTable(List.of(r), true, new PrintWriter(text));
        assertThat(text.toString())
                .containsPattern("\\| infer: latency of one window, us \\(median\\) +\\| +1,400 \\| +700\\.0 \\| 2\\.00x \\| lower is better")
                .containsPattern("\\| infer: windows/s at batch 1024 +\\| +16,550 \\| +33,100 \\| 0\\.50x \\| higher is better")
                .contains("ratio = lstm4j / PyTorch");
    }

    @Test
    void aFailedSideLeavesItsColumnEmpty() {
        Result r = new Result(Workload.SINE, null, "boom", Map.of("epoch_ms", 48.0), null);
        assertThat(r.ratio(Figure.EPOCH_MS)).isNaN();
        assertThat(r.json()).containsEntry("error", "boom").doesNotContainKey("ratio_epoch_ms");
    }
}
