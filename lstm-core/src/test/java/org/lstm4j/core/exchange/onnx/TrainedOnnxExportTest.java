package org.lstm4j.core.exchange.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;

/**
 * Bundles of real (tiny) DL4J trainings, loaded back, written to an ONNX file by {@link OnnxExport#write}, and run in
 * ONNX Runtime: the file forecasts what {@code lstm predict}'s path forecasts from the same raw windows, within 1e-5
 * relative, for every architecture, merge, BatchNorm, transform and scaler type.
 */
class TrainedOnnxExportTest {
    private static final int WINDOWS = 9;

    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lstm4j.core.exchange.onnx.ExportVariant#all")
    void theExportedFileForecastsWhatTheBundleForecasts(ExportVariant variant) throws Exception {
        Path csv = dir.resolve("series.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, OnnxCheck.csv(List.of("y", "x", "z"), 160));
        }
        ExperimentSpec spec = variant.spec(csv);
        Path bundle = dir.resolve(spec.name() + ".zip");
        Experiment.run(spec, TrainingListener.NONE).saveBundle(bundle);
        LoadedModel model = ModelBundle.load(bundle);
        Path onnx = OnnxExport.write(model, dir.resolve(spec.name() + ".onnx")).file();
        assertThat(OnnxCheck.maxRelativeDifference(model, Files.readAllBytes(onnx), WINDOWS)).isLessThan(1e-5);
    }
}
