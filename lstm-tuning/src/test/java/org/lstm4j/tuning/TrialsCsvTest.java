package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialsCsvTest {
    @TempDir
    Path dir;

    private static Map<String, Object> assignment(Object hidden, Object split) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model.hidden_size", hidden);
        a.put("data.split", split);
        return a;
    }

    @Test
    void rowsRoundTripIncludingQuotesCommasAndTypes() throws IOException {
        TrialsCsv csv = new TrialsCsv(List.of("model.hidden_size", "data.split"), "val_rmse");
        List<TrialResult> trials = List.of(
                new TrialResult(1, assignment(32, List.of(0.7, 0.15, 0.15)), 0.125, Map.of("test_rmse", 0.25), 12, 1.5,
                        TrialStatus.OK, ""),
                new TrialResult(2, assignment(64L * 1_000_000_000L, "a \"b\", c"), Double.NaN, Map.of(), 0, 0.25,
                        TrialStatus.FAILED, "diverged, \"NaN\""));
        Path file = dir.resolve("trials.csv");

        csv.write(file, trials);
        List<TrialsCsv.Row> back = csv.read(file);

        assertThat(back).extracting(TrialsCsv.Row::key)
                .containsExactly(TrialsCsv.key(trials.get(0).assignment()), TrialsCsv.key(trials.get(1).assignment()));
        TrialResult first = back.get(0).trial();
        assertThat(first.metric()).isEqualTo(0.125);
        assertThat(first.extra()).containsExactly(Map.entry("test_rmse", 0.25));
        assertThat(first.epochsRun()).isEqualTo(12);
        assertThat(first.assignment().get("model.hidden_size")).isEqualTo(32);
        assertThat(first.assignment().get("data.split")).isEqualTo("[0.7, 0.15, 0.15]");
        TrialResult second = back.get(1).trial();
        assertThat(second.metric()).isNaN();
        assertThat(second.extra()).isEmpty();
        assertThat(second.assignment().get("model.hidden_size")).isEqualTo(64_000_000_000L);
        assertThat(second.assignment().get("data.split")).isEqualTo("a \"b\", c");
        assertThat(second.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(second.error()).isEqualTo("diverged, \"NaN\"");
    }

    @Test
    void scalarsAreReadBackAsTheirTypes() {
        assertThat(TrialsCsv.scalar("32")).isEqualTo(32);
        assertThat(TrialsCsv.scalar("0.001")).isEqualTo(0.001);
        assertThat(TrialsCsv.scalar("1.0E-4")).isEqualTo(1.0e-4);
        assertThat(TrialsCsv.scalar("true")).isEqualTo(true);
        assertThat(TrialsCsv.scalar("adam")).isEqualTo("adam");
    }

    @Test
    void aMissingFileIsNoTrials() throws IOException {
        assertThat(new TrialsCsv(List.of("a"), "m").read(dir.resolve("none.csv"))).isEmpty();
    }

    @Test
    void aRowOfTheWrongWidthIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("trials.csv");
        Files.writeString(file, "trial,a,m,epochs_run,seconds,status,error\n1,2,3,4,5,ok,\n2,3\n");

        assertThatThrownBy(() -> new TrialsCsv(List.of("a"), "m").read(file))
                .isInstanceOf(IOException.class).hasMessageContaining("row 3 has 2 fields");
    }

    @Test
    void csvParsesQuotedLineBreaksAndCrLf() {
        assertThat(Csv.parse("a,\"b\nc\",\"d\"\"e\"\r\n\r\nx,,z\n"))
                .containsExactly(List.of("a", "b\nc", "d\"e"), List.of("x", "", "z"));
        assertThat(Csv.line(List.of("plain", "a,b", "q\"", " pad"))).isEqualTo("plain,\"a,b\",\"q\"\"\",\" pad\"");
    }
}
