package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.config.ExperimentLoader;

/** The engine end to end on the real DL4J backend: small sine, few epochs, CPU. */
class ExperimentRunTest {
    static final ExperimentSpec SMALL_SINE = ExperimentSpec.defaults().withName("small-sine").withSeed(3)
            .withData(DataSpec.defaults().withSource(SourceSpec.Synthetic.sine().withNoise(0.05)).withWindow(8)
                    .withSplit(new SplitSpec(0.8, 0.1, 0.1)))
            .withModel(ModelSpec.defaults().withHiddenSize(16).withNumLayers(2))
            .withTraining(TrainingSpec.defaults().withEpochs(25).withBatchSize(BatchSize.of(64))
                    .withOptimizer(OptimizerSpec.adam(0.01)));

    private static ExperimentResult result;

    @TempDir
    Path dir;

    /** The small sine, trained once per test JVM and shared by the tests that only read it. */
    static synchronized ExperimentResult result() {
        if (result == null) {
            result = Experiment.run(SMALL_SINE, TrainingListener.NONE);
        }
        return result;
    }

    @BeforeAll
    static void train() {
        result();
    }

    @Test
    void beatsTheNaiveBaselineInTheDataUnits() {
        assertThat(result.training().epochsRun()).isEqualTo(25);
        assertThat(result.test().model().rmse()).isLessThan(result.test().baselines().get("naive").rmse());
        assertThat(result.testForecast().size()).isEqualTo(result.data().test().size());
        double[] actual = result.testForecast().actual()[0];
        int row = result.data().test().firstTargetRow(0);
        assertThat(actual[0]).isEqualTo(result.data().targetValues()[row]);
    }

    @Test
    void twoRunsWithOneSeedHaveIdenticalHistories() {
        ExperimentResult again = Experiment.run(SMALL_SINE, TrainingListener.NONE);
        assertThat(again.training().history()).extracting(e -> e.trainLoss())
                .containsExactlyElementsOf(result.training().history().stream().map(e -> e.trainLoss()).toList());
        assertThat(again.training().history()).extracting(e -> e.valLoss())
                .containsExactlyElementsOf(result.training().history().stream().map(e -> e.valLoss()).toList());
        assertThat(again.testForecast().predicted()).isDeepEqualTo(result.testForecast().predicted());
    }

    @Test
    void theBundleRoundTripsPredictionsBitForBit() throws IOException {
        Path bundle = dir.resolve("model.zip");
        result.saveBundle(bundle);
        LoadedModel loaded = ModelBundle.load(bundle);
        assertThat(loaded.spec().withOutput(SMALL_SINE.output())).isEqualTo(SMALL_SINE);
        assertThat(loaded.scalers()).isEqualTo(result.data().scalers());
        Forecast forecast = loaded.forecast(result.data().series(), result.data().split().test());
        assertThat(forecast.predicted()).isDeepEqualTo(result.testForecast().predicted());
    }

    @Test
    void aCorruptBundleIsRefusedWithItsName() throws IOException {
        Path notZip = dir.resolve("broken.zip");
        Files.writeString(notZip, "not a zip at all");
        assertThatThrownBy(() -> ModelBundle.load(notZip)).isInstanceOf(BundleException.class)
                .hasMessageContaining("broken.zip").hasMessageContaining("not");
        Path truncated = dir.resolve("truncated.zip");
        result.saveBundle(dir.resolve("good.zip"));
        byte[] bytes = Files.readAllBytes(dir.resolve("good.zip"));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelBundle.load(truncated)).isInstanceOf(BundleException.class)
                .hasMessage(truncated + ": the model bundle is truncated or corrupt (unexpected end of zip data)");
        for (int cut = 30; cut < bytes.length; cut += Math.max(1, bytes.length / 50)) {   // 30: one entry header
            Files.write(truncated, java.util.Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> ModelBundle.load(truncated)).as("cut at " + cut + " of " + bytes.length)
                    .hasMessageStartingWith(truncated + ": the model bundle is truncated or corrupt");
        }
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> ModelBundle.load(truncated))
                .hasMessage(truncated + ": the model bundle is truncated or corrupt (no end of zip directory)");
    }

    @Test
    void writesTheRunDirectoryContract() throws IOException {
        Path run = RunDirectory.write(result, dir.resolve("run"));
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("experiment.yaml", "metrics.json", "history.csv", "predictions.csv", "model.zip");
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("run");
        }
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        for (String part : List.of("test", "validation")) {
            assertThat(metrics.get(part).fieldNames()).toIterable()
                    .containsExactly("rmse", "mae", "mse", "mape", "smape", "mase", "skill", "per_step");
        }
        assertThat(metrics.get("test").get("skill").asDouble()).isEqualTo(result.test().skillVsNaive()).isPositive();
        assertThat(metrics.get("test").get("per_step").get(0).get("rmse").asDouble()).isEqualTo(result.test().model().rmse());
        assertThat(metrics.get("baselines").fieldNames()).toIterable().containsExactly("naive", "seasonal_naive");
        assertThat(metrics.get("season_length").asInt()).isEqualTo(63);
        assertThat(metrics.get("diagnostics").get("lagging").asBoolean()).isFalse();
        assertThat(metrics.get("test").get("rmse").asDouble()).isEqualTo(result.test().model().rmse());
        assertThat(metrics.get("baselines").get("naive").get("rmse").asDouble()).isEqualTo(result.test().baselines().get("naive").rmse());
        assertThat(metrics.get("epochs_run").asInt()).isEqualTo(25);
        assertThat(metrics.get("stop_reason").asText()).isEqualTo("completed");
        assertThat(metrics.get("backend").get("name").asText()).isEqualTo("dl4j");
        assertThat(metrics.get("seed").asLong()).isEqualTo(3);
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertThat(history.get(0)).isEqualTo("epoch,train_loss,val_loss,learning_rate,seconds");
        assertThat(history).hasSize(26);
        List<String> predictions = Files.readAllLines(run.resolve("predictions.csv"));
        assertThat(predictions.get(0)).isEqualTo("time,actual,predicted");
        assertThat(predictions).hasSize(result.testForecast().size() + 1);
        ExperimentSpec resolved = ExperimentLoader.bind(Files.readString(run.resolve("experiment.yaml")), "experiment.yaml", run, "x").spec();
        assertThat(resolved.output().dir()).isAbsolute();
        assertThat(resolved.withOutput(SMALL_SINE.output())).isEqualTo(SMALL_SINE);
        assertThatThrownBy(() -> RunDirectory.write(result, run)).isInstanceOf(IOException.class).hasMessageContaining("not empty");
    }

    @Test
    void aWindowLongerThanThePartNamesTheKey() {
        ExperimentSpec tooLong = SMALL_SINE.withData(SMALL_SINE.data().withWindow(700));
        assertThatThrownBy(() -> Experiment.run(tooLong, TrainingListener.NONE)).isInstanceOf(ExperimentException.class)
                .hasMessageStartingWith("data.window: window 700 + horizon 1 leaves no sample in the train part");
    }
}
