package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The repository extension under load: reloads swap models while requests keep coming, and none is lost. */
class ModelReloadTest {
    static final String BODY = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,6,1],\"datatype\":\"FP32\",\"data\":[50,52,55,57,56,54]}]}";

    @Test
    void reloadsUnderLoadLoseNoRequest() throws Exception {
        try (InferenceServer server = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0).withHttpThreads(4),
                List.of(ModelSettings.of("m", TrainedBundles.UNI).withReplicas(2).withMaxQueueDelayMs(2))), "test")) {
            Http http = new Http(server.url());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            Map<Integer, Integer> others = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> load = new ArrayList<>();
            try {
                for (int c = 0; c < 8; c++) {
                    load.add(clients.submit(() -> {
                        while (running.get()) {
                            Http.Reply reply = http.post("/v2/models/m/infer", BODY);
                            if (reply.status() == 200) {
                                ok.incrementAndGet();
                            } else {
                                others.merge(reply.status(), 1, Integer::sum);
                            }
                        }
                    }));
                }
                Thread.sleep(300);
                for (int reload = 0; reload < 3; reload++) {
                    int before = ok.get();
                    Http.Reply reply = http.post("/v2/repository/models/m/load", "");
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    Thread.sleep(300);
                    assertThat(ok.get()).as("requests are answered after reload %d", reload).isGreaterThan(before);
                }
                Http.Reply other = http.post("/v2/repository/models/m/load",
                        "{\"parameters\":{\"bundle\":\"" + TrainedBundles.UNI.toString().replace("\\", "\\\\") + "\"}}");
                assertThat(other.status()).as(other.body()).isEqualTo(200);
                Thread.sleep(300);
            } finally {
                running.set(false);
                for (Future<?> f : load) {
                    f.get(30, TimeUnit.SECONDS);
                }
                clients.shutdownNow();
            }
            assertThat(others).as("statuses other than 200").isEmpty();
            assertThat(ok.get()).isGreaterThan(50);
            Http.Reply index = http.post("/v2/repository/index", "");
            assertThat(index.json().toString()).isEqualTo("[{\"name\":\"m\",\"state\":\"READY\"}]");
        }
    }

    @Test
    void unloadThenLoadAgain() throws IOException {
        try (InferenceServer server = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0),
                List.of(ModelSettings.of("m", TrainedBundles.UNI).withReplicas(1))), "test")) {
            Http http = new Http(server.url());
            assertThat(http.post("/v2/repository/models/m/unload", "").status()).isEqualTo(200);
            Http.Reply gone = http.post("/v2/models/m/infer", BODY);
            assertThat(gone.status()).isEqualTo(503);
            assertThat(gone.json().get("error").asText()).contains("not loaded");
            assertThat(http.get("/v2/models/m/ready").status()).isEqualTo(503);
            assertThat(http.get("/v2/health/ready").status()).isEqualTo(503);
            assertThat(http.post("/v2/repository/index", "").json().toString()).contains("\"state\":\"UNAVAILABLE\"", "unloaded");
            assertThat(http.post("/v2/repository/models/m/load", "").status()).isEqualTo(200);
            assertThat(http.post("/v2/models/m/infer", BODY).status()).isEqualTo(200);
            Http.Reply missing = http.post("/v2/repository/models/other/load", "");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("error").asText()).contains("give its bundle");
            Http.Reply corrupt = http.post("/v2/repository/models/other/load", "{\"parameters\":{\"bundle\":\"/no/such/model.zip\"}}");
            assertThat(corrupt.status()).isEqualTo(400);
            assertThat(corrupt.json().get("error").asText()).contains("/no/such/model.zip", "no such file");
            assertThat(http.post("/v2/models/m/infer", BODY).status()).as("the served model is untouched").isEqualTo(200);
        }
    }
}
