package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lstm4j.cli.CliRun;

/** The real server on an ephemeral loopback port, spoken to over HTTP, serving two bundles trained by {@code lstm train}. */
class InferenceServerTest {
    static InferenceServer server;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        ServeConfig config = new ServeConfig(ServerSettings.defaults().withPort(0).withHttpThreads(4),
                List.of(ModelSettings.of(null, TrainedBundles.UNI).withReplicas(2),
                        ModelSettings.of(null, TrainedBundles.DIFF).withReplicas(1).withMaxBatchSize(16),
                        ModelSettings.of(null, TrainedBundles.ATTENTION).withReplicas(1),
                        ModelSettings.of(null, TrainedBundles.BILSTM).withReplicas(1)));
        server = InferenceServer.start(config, "test");
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The last {@code rows} rows of the history's {@code columns}, row-major. */
    static double[] lastRows(int rows, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(TrainedBundles.HISTORY);
        List<String> header = List.of(lines.get(0).split(","));
        double[] values = new double[rows * columns.length];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(lines.size() - rows + r).split(",");
            for (int c = 0; c < columns.length; c++) {
                values[r * columns.length + c] = Double.parseDouble(cells[header.indexOf(columns[c])]);
            }
        }
        return values;
    }

    static double[] predictCommand(Path bundle, int steps) {
        CliRun run = CliRun.of("predict", bundle.toString(), "--input", TrainedBundles.HISTORY.toString(), "--steps", Integer.toString(steps));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        double[] forecast = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            forecast[i - 1] = Double.parseDouble(lines[i].split(",")[1]);
        }
        return forecast;
    }

    static double[] data(JsonNode reply) {
        JsonNode data = reply.path("outputs").path(0).path("data");
        double[] values = new double[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i).asDouble();
        }
        return values;
    }

    @Test
    void healthAndServerMetadata() {
        assertThat(http.get("/v2/health/live").json().get("live").asBoolean()).isTrue();
        Http.Reply ready = http.get("/v2/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        Http.Reply meta = http.get("/v2");
        assertThat(meta.json().get("name").asText()).isEqualTo("lstm4j");
        assertThat(meta.json().get("extensions").toString()).contains("model_repository");
        assertThat(http.get("/v2/models/uni/ready").json().get("ready").asBoolean()).isTrue();
    }

    @Test
    void modelMetadataGivesTheRawWindowShape() {
        JsonNode uni = http.get("/v2/models/uni").json();
        assertThat(uni.get("name").asText()).isEqualTo("uni");
        assertThat(uni.at("/inputs/0/shape").toString()).isEqualTo("[-1,6,1]");
        assertThat(uni.at("/inputs/0/datatype").asText()).isEqualTo("FP32");
        assertThat(uni.at("/outputs/0/shape").toString()).isEqualTo("[-1,2]");
        JsonNode diff = http.get("/v2/models/diff").json();
        assertThat(diff.at("/inputs/0/shape").toString()).as("window 5 + 1 for difference, x and the target y").isEqualTo("[-1,6,2]");
        assertThat(diff.at("/inputs/0/parameters/columns").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(diff.at("/outputs/0/shape").toString()).isEqualTo("[-1,3]");
    }

    @Test
    void servedForecastEqualsLstmPredicts() throws IOException {
        double[] expected = predictCommand(TrainedBundles.UNI, 2);
        Http.Reply reply = http.post("/v2/models/uni/infer", Http.inferBody("FP64", 1, 6, 1, lastRows(6, "y")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("model_name").asText()).isEqualTo("uni");
        assertThat(reply.json().get("id").asText()).isEqualTo("req-1");
        assertThat(reply.json().at("/outputs/0/name").asText()).isEqualTo("forecast");
        assertThat(reply.json().at("/outputs/0/shape").toString()).isEqualTo("[1,2]");
        assertThat(data(reply.json())).containsExactly(expected, within(1e-9));
    }

    @Test
    void servedDifferencedForecastEqualsLstmPredicts() throws IOException {
        double[] expected = predictCommand(TrainedBundles.DIFF, 3);
        Http.Reply reply = http.post("/v2/models/diff/infer", Http.inferBody("FP64", 1, 6, 2, lastRows(6, "x", "y")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(data(reply.json())).containsExactly(expected, within(1e-9));
    }

    @Test
    void everyArchitectureServesWhatLstmPredictForecasts() throws IOException {
        double[] attention = predictCommand(TrainedBundles.ATTENTION, 2);
        Http.Reply reply = http.post("/v2/models/attention/infer", Http.inferBody("FP64", 1, 6, 2, lastRows(6, "y", "x")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(data(reply.json())).containsExactly(attention, within(1e-9));
        double[] bilstm = predictCommand(TrainedBundles.BILSTM, 2);
        reply = http.post("/v2/models/bilstm/infer", Http.inferBody("FP64", 1, 6, 1, lastRows(6, "y")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(data(reply.json())).containsExactly(bilstm, within(1e-9));
        Http.Reply negative = http.post("/v2/models/bilstm/infer", Http.inferBody("FP32", 1, 6, 1, new double[] {1, 2, 3, 0, 5, 6}));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("error").asText()).contains("step 3", "log transform needs positive values, was 0.0");
    }

    @Test
    void fp32AnswersInFloatsAndNestedDataEqualsFlat() throws IOException {
        double[] window = lastRows(6, "y");
        double[] flat = data(http.post("/v2/models/uni/infer", Http.inferBody("FP32", 1, 6, 1, window)).json());
        StringBuilder nested = new StringBuilder("[[");
        for (int t = 0; t < 6; t++) {
            nested.append(t == 0 ? "" : ",").append('[').append(window[t]).append(']');
        }
        nested.append("]]");
        Http.Reply reply = http.post("/v2/models/uni/infer", "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,6,1],"
                + "\"datatype\":\"FP32\",\"data\":" + nested + "}]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().has("id")).isFalse();
        assertThat(reply.json().at("/outputs/0/datatype").asText()).isEqualTo("FP32");
        assertThat(data(reply.json())).containsExactly(flat);
        double precise = data(http.post("/v2/models/uni/infer", Http.inferBody("FP64", 1, 6, 1, window)).json())[0];
        assertThat(flat[0]).isCloseTo(precise, within(1e-5 * Math.abs(precise)));
        assertThat((float) flat[0]).as("FP32 data is written as floats").isEqualTo((float) precise);
    }

    @Test
    void aRequestOfManyWindowsIsSplitAcrossBatchesAndMatchesSingleWindowAnswers() throws IOException {
        List<String> lines = Files.readAllLines(TrainedBundles.HISTORY);
        int windows = 40; // the diff model batches at most 16 windows: three batches
        double[] all = new double[windows * 6 * 2];
        List<double[]> singles = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            double[] one = new double[12];
            for (int t = 0; t < 6; t++) {
                String[] cells = lines.get(1 + w * 3 + t).split(",");
                one[t * 2] = Double.parseDouble(cells[2]);
                one[t * 2 + 1] = Double.parseDouble(cells[1]);
            }
            System.arraycopy(one, 0, all, w * 12, 12);
            singles.add(data(http.post("/v2/models/diff/infer", Http.inferBody("FP64", 1, 6, 2, one)).json()));
        }
        Http.Reply reply = http.post("/v2/models/diff/infer", Http.inferBody("FP64", windows, 6, 2, all));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/outputs/0/shape").toString()).isEqualTo("[" + windows + ",3]");
        double[] batched = data(reply.json());
        for (int w = 0; w < windows; w++) {
            for (int k = 0; k < 3; k++) {
                assertThat(batched[w * 3 + k]).as("window %d step %d", w, k)
                        .isCloseTo(singles.get(w)[k], within(1e-5 * Math.max(1, Math.abs(singles.get(w)[k]))));
            }
        }
    }

    @Test
    void metricsCountRequestsByModelAndCodeAndShowTheJvm() throws IOException {
        http.post("/v2/models/uni/infer", Http.inferBody("FP32", 1, 6, 1, lastRows(6, "y")));
        http.post("/v2/models/uni/infer", "{not json");
        http.post("/v2/models/made-up-name/infer", "{}");
        String metrics = http.get("/metrics").body();
        assertThat(metrics).containsPattern("lstm4j_requests_total\\{code=\"200\",model=\"uni\"\\} [1-9]");
        assertThat(metrics).containsPattern("lstm4j_requests_total\\{code=\"400\",model=\"uni\"\\} [1-9]");
        assertThat(metrics).contains("model=\"_unknown\"").doesNotContain("made-up-name");
        assertThat(metrics).contains("lstm4j_request_duration_seconds_bucket", "lstm4j_queue_wait_seconds_bucket",
                "lstm4j_batch_windows_bucket", "lstm4j_queue_windows{model=\"uni\"}", "lstm4j_model_loaded{model=\"diff\"} 1.0",
                "jvm_memory_used_bytes");
    }
}
