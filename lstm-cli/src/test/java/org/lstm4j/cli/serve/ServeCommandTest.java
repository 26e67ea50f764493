package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.CliRun;

/** {@code lstm serve} as a user runs it: a separate JVM, a real port, SIGTERM to stop. */
class ServeCommandTest {
    private static final Pattern READY = Pattern.compile("ready: (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void servesUntilSigtermThenDrainsAndExitsZero(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("serve.yaml");
        Files.writeString(config, "server: {read_timeout_seconds: 2}\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.lstm4j.cli.LstmCommand", "serve", "forecaster=" + TrainedBundles.UNI, "--port", "0", "--replicas", "1",
                "--config", config.toString())
                .redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String line;
            while (url == null && (line = lines.readLine()) != null) {
                output.add(line);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    url = ready.group(1);
                }
            }
            assertThat(url).as(String.join("\n", output)).isNotNull();
            Http http = new Http(url);
            Http.Reply reply = http.post("/v2/models/forecaster/infer", ModelReloadTest.BODY);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertSlowClientIsCutOff(URI.create(url));
            // SIGTERM, as a service manager sends it (Process.destroy would also close the output we still read)
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
            assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(output).contains("stopped");
            assertThat(String.join("\n", output)).doesNotContain("Exception", "\tat ");
        } finally {
            process.destroyForcibly();
        }
    }

    /** A client that starts a request and never finishes it loses its connection after the read timeout. */
    private static void assertSlowClientIsCutOff(URI url) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/models/forecaster/infer HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            byte[] answer = socket.getInputStream().readAllBytes();
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(seconds).as("cut off after read_timeout_seconds (2) plus the JDK's 1 s timer").isBetween(1L, 6L);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }

    @Test
    void aBundleThatIsNotOneExitsTwoNamingIt(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("model.zip");
        Files.writeString(fake, "not a zip");
        CliRun run = CliRun.of("serve", fake.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(fake.toString()).doesNotContain("Exception", "\tat ");
        CliRun none = CliRun.of("serve");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no model to serve");
    }

    @Test
    void aServeFileReportsEveryProblemWithItsLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("serve.yaml");
        Files.writeString(config, """
                server:
                  port: 99999
                  hots: 0.0.0.0
                models:
                  - bundle: model.zip
                    max_batch_size: 0
                    replica: 2
                """);
        CliRun run = CliRun.of("serve", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(config + ":2:", "server.port", config + ":3:", "hots", config + ":6:",
                "models[0].max_batch_size", config + ":7:", "replica");
    }

    @Test
    void twoRunsOfOneExperimentServeTheLastUnderItsNameAndTheOtherUnderItsRunDirectory(@TempDir Path dir) throws IOException {
        Path older = dir.resolve("uni-20261201-090000").resolve("model.zip");
        Files.createDirectories(older.getParent());
        Files.copy(TrainedBundles.UNI, older);
        try (InferenceServer server = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0),
                List.of(ServeCommand.parseBundle(older.toString()).withReplicas(1),
                        ServeCommand.parseBundle(TrainedBundles.UNI.toString()).withReplicas(1))), "test")) {
            assertThat(server.models()).containsExactly("uni-20261201-090000", "uni");
            Http http = new Http(server.url());
            assertThat(http.post("/v2/models/uni/infer", ModelReloadTest.BODY).status()).isEqualTo(200);
            assertThat(http.post("/v2/models/uni-20261201-090000/infer", ModelReloadTest.BODY).status()).isEqualTo(200);
        }
        CliRun twice = CliRun.of("serve", "a=" + TrainedBundles.UNI, "a=" + older, "--port", "0");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("'a' is served twice");
    }

    @Test
    void aServeFileServesItsModels(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("serve.yaml");
        Files.writeString(config, """
                server: {port: 0}
                models:
                  - {name: first, bundle: %s, replicas: 1, max_batch_size: 8}
                """.formatted(TrainedBundles.UNI));
        ServeConfig settings = org.lstm4j.core.config.RecordFiles.load(config, ServeConfig.class, ServeConfig.defaults(), "a serve configuration");
        assertThat(settings.models()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("first");
            assertThat(m.maxBatchSize()).isEqualTo(8);
            assertThat(m.maxQueueDelayMs()).as("a default").isZero();
        });
        try (InferenceServer server = InferenceServer.start(settings, "test")) {
            assertThat(new Http(server.url()).post("/v2/models/first/infer", ModelReloadTest.BODY).status()).isEqualTo(200);
        }
    }
}
