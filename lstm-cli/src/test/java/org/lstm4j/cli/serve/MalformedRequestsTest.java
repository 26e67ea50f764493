package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A corpus of bad requests against the real server: each gets its status and a {@code {"error"}} that says why, never a stack trace. */
class MalformedRequestsTest {
    static InferenceServer server;
    static Http http;
    static final String GOOD_DATA = "[1,2,3,4,5,6]";

    @BeforeAll
    static void start() throws IOException {
        server = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0).withMaxBodyBytes(4096),
                List.of(ModelSettings.of("uni", TrainedBundles.UNI).withReplicas(1).withQueueCapacity(50))), "test");
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String input(String shape, String datatype, String data) {
        return "{\"inputs\":[{\"name\":\"input\",\"shape\":" + shape + ",\"datatype\":\"" + datatype + "\",\"data\":" + data + "}]}";
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("not JSON", "{\"inputs\": [", 400, "malformed JSON"),
                Arguments.of("empty body", "", 400, "JSON object"),
                Arguments.of("a JSON array", "[1,2]", 400, "JSON object"),
                Arguments.of("no inputs", "{}", 400, "inputs must be a list of one tensor"),
                Arguments.of("two inputs", "{\"inputs\":[{},{}]}", 400, "inputs must be a list of one tensor"),
                Arguments.of("wrong input name", "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,6,1],\"datatype\":\"FP32\",\"data\":[]}]}",
                        400, "one input, 'input'"),
                Arguments.of("integer datatype", input("[1,6,1]", "INT32", GOOD_DATA), 400, "'INT32' is not supported"),
                Arguments.of("two-dimensional shape", input("[6,1]", "FP32", GOOD_DATA), 400, "shape must be [windows, 6, 1]"),
                Arguments.of("wrong window", input("[1,5,1]", "FP32", "[1,2,3,4,5]"), 400, "does not fit this model"),
                Arguments.of("negative windows", input("[-1,6,1]", "FP32", GOOD_DATA), 400, "positive integer"),
                Arguments.of("fractional dimension", input("[1.5,6,1]", "FP32", GOOD_DATA), 400, "positive integer"),
                Arguments.of("too few values", input("[1,6,1]", "FP32", "[1,2,3]"), 400, "has 3 values"),
                Arguments.of("too many values", input("[1,6,1]", "FP32", "[1,2,3,4,5,6,7]"), 400, "has 7 values"),
                Arguments.of("a string value", input("[1,6,1]", "FP32", "[1,2,\"3\",4,5,6]"), 400, "not a number"),
                Arguments.of("a null value", input("[1,6,1]", "FP32", "[1,2,null,4,5,6]"), 400, "null, not a number"),
                Arguments.of("a boolean value", input("[1,6,1]", "FP32", "[1,2,true,4,5,6]"), 400, "not a number"),
                Arguments.of("NaN", input("[1,6,1]", "FP32", "[1,2,NaN,4,5,6]"), 400, "malformed JSON"),
                Arguments.of("a number beyond double", input("[1,6,1]", "FP32", "[1,2,1e400,4,5,6]"), 400, "not finite"),
                Arguments.of("nested too deep", input("[1,6,1]", "FP32", "[[[[[1]]]],2,3,4,5,6]"), 400, "nested deeper"),
                Arguments.of("data not a list", input("[1,6,1]", "FP32", "\"1,2,3\""), 400, "must be a list of numbers"),
                Arguments.of("unknown output", "{\"inputs\":[],\"outputs\":[{\"name\":\"mean\"}]}", 400, "one output, 'forecast'"),
                Arguments.of("id not a string", "{\"id\":5,\"inputs\":[]}", 400, "id must be a string"),
                Arguments.of("more windows than the queue holds", input("[51,6,1]", "FP32", "[" + "1,".repeat(305) + "1]"), 413,
                        "queues at most 50"),
                Arguments.of("body over the limit", input("[1,6,1]", "FP32", "[" + "1.0,".repeat(1200) + "1]"), 413,
                        "over the limit of 4096 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsStatusAndAReason(String what, String body, int status, String reason) {
        Http.Reply reply = http.post("/v2/models/uni/infer", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json()).as(reply.body()).isNotNull();
        assertThat(reply.json().get("error").asText()).contains(reason);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "org.lstm4j.");
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void unknownModelsAndEndpointsAre404AndWrongMethods405() {
        Http.Reply unknown = http.post("/v2/models/nope/infer", input("[1,6,1]", "FP32", GOOD_DATA));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("unknown model 'nope'", "[uni]");
        assertThat(http.get("/v2/models/nope").status()).isEqualTo(404);
        assertThat(http.get("/v2/models/nope/ready").status()).isEqualTo(404);
        assertThat(http.get("/v3").status()).isEqualTo(404);
        assertThat(http.get("/v2/models/uni/versions/1").status()).isEqualTo(404);
        Http.Reply get = http.get("/v2/models/uni/infer");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("error").asText()).contains("use POST");
        assertThat(http.post("/v2/health/live", "").status()).isEqualTo(405);
    }

    @Test
    void negativeValuesPassAModelWithoutALogTransform() {
        // only a log transform refuses values that are not positive (WindowCodecTest covers that refusal)
        assertThat(http.post("/v2/models/uni/infer", input("[1,6,1]", "FP32", "[-1,-2,-3,-4,-5,-6]")).status()).isEqualTo(200);
    }

    @Test
    void aFullQueueAnswers503AtOnceWithRetryAfter() throws Exception {
        try (InferenceServer slow = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0),
                List.of(ModelSettings.of("uni", TrainedBundles.UNI).withReplicas(1).withQueueCapacity(4).withMaxQueueDelayMs(1500))),
                "test")) {
            Http client = new Http(slow.url());
            // four windows fill the queue and wait up to 1.5 s for a batch of 64 that never comes
            CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(() ->
                    client.post("/v2/models/uni/infer", input("[4,6,1]", "FP32", "[" + "1,".repeat(23) + "1]")));
            Thread.sleep(400);
            long sent = System.nanoTime();
            Http.Reply refused = client.post("/v2/models/uni/infer", input("[1,6,1]", "FP32", GOOD_DATA));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.json().get("error").asText()).contains("overloaded");
            assertThat(millis).as("refused at once, not after the batch").isLessThan(1000);
            assertThat(first.get().status()).isEqualTo(200);
        }
    }

    @Test
    void aTokenIsRequiredEverywhereButTheHealthProbes(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret-token\n");
        try (InferenceServer guarded = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0).withTokenFile(token),
                List.of(ModelSettings.of("uni", TrainedBundles.UNI).withReplicas(1))), "test")) {
            Http anonymous = new Http(guarded.url());
            String body = input("[1,6,1]", "FP32", GOOD_DATA);
            Http.Reply missing = anonymous.post("/v2/models/uni/infer", body);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(anonymous.withToken("s3cret-tokeN").post("/v2/models/uni/infer", body).status()).isEqualTo(401);
            assertThat(anonymous.withToken("s3cret").get("/v2/models/uni").status()).isEqualTo(401);
            assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
            assertThat(anonymous.get("/v2/health/ready").status()).isEqualTo(200);
            assertThat(anonymous.withToken("s3cret-token").post("/v2/models/uni/infer", body).status()).isEqualTo(200);
        }
    }
}
