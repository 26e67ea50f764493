package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.CliRun;
import org.lstm4j.cli.TorchFixtures;

/** A bundle made by {@code lstm import} of a PyTorch state_dict loads in the server and answers what PyTorch forecast. */
class ImportedBundleServeTest {
    @TempDir
    Path dir;

    @Test
    void anImportedBundleServesPyTorchsForecast() throws IOException {
        Path bundle = dir.resolve("lstm2.zip");
        CliRun imported = TorchFixtures.importFixture("lstm2", bundle);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        List<String> rows = Files.readAllLines(TorchFixtures.DIR.resolve("data.csv"));
        double[] window = new double[10 * 2];
        for (int t = 0; t < 10; t++) {
            String[] cells = rows.get(rows.size() - 10 + t).split(",");
            window[2 * t] = Double.parseDouble(cells[1]);
            window[2 * t + 1] = Double.parseDouble(cells[2]);
        }
        try (InferenceServer server = InferenceServer.start(new ServeConfig(ServerSettings.defaults().withPort(0),
                List.of(ModelSettings.of("imported", bundle).withReplicas(1))), "test")) {
            Http http = new Http(server.url());
            assertThat(http.get("/v2/models/imported").json().at("/inputs/0/parameters/columns").toString()).isEqualTo("[\"y\",\"x\"]");
            Http.Reply reply = http.post("/v2/models/imported/infer", Http.inferBody("FP64", 1, 10, 2, window));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            double[] served = InferenceServerTest.data(reply.json());
            assertThat(served).hasSize(3);
            TorchFixtures.assertForecastsAsPyTorch(served, "lstm2", "lstm serve");
        }
    }
}
