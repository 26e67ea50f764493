package org.lstm4j.core.exchange.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Scaler;

/** scikit-learn style scaler files: the same scalers lstm4j fits, and one line naming the field for each mistake. */
class ScalerFileTest {
    static final double[] COLUMN = {3, 7, 1, 9, 4};

    @TempDir
    Path dir;

    Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("scaler.json"), json);
    }

    @Test
    void minMaxAndStandardAreTheScalersLstmFitsOnTheSameValues() throws IOException {
        Map<String, FittedScaler> scalers = ScalerFile.read(file("""
                {"y": {"type": "minmax", "min": 1, "max": 9, "range": [-1, 1]},
                 "x": {"type": "standard", "mean": 4.8, "std": 2.85657137141714},
                 "z": {"type": "minmax", "min": 1, "max": 9},
                 "unused": {"type": "minmax", "min": 0, "max": 1}}
                """), List.of("y", "x", "z"));
        assertThat(scalers.keySet()).containsExactly("y", "x", "z");
        assertThat(scalers.get("y")).isEqualTo(Scaler.fit(ScalerSpec.defaults().withRange(List.of(-1.0, 1.0)), COLUMN, 0, COLUMN.length));
        FittedScaler standard = Scaler.fit(ScalerSpec.of(ScalerSpec.ScalerType.STANDARD), COLUMN, 0, COLUMN.length);
        assertThat(scalers.get("x").offset()).isCloseTo(standard.offset(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scalers.get("x").scale()).isCloseTo(standard.scale(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scalers.get("z")).as("range defaults to [0, 1]").isEqualTo(Scaler.fit(ScalerSpec.defaults(), COLUMN, 0, COLUMN.length));
        assertThat(scalers.get("y").transform(9)).isEqualTo(1.0);
    }

    @Test
    void aConstantColumnScalesByOneAsInScikitLearn() throws IOException {
        FittedScaler constant = ScalerFile.read(file("{\"y\": {\"type\": \"minmax\", \"min\": 5, \"max\": 5}}"), List.of("y")).get("y");
        assertThat(constant.transform(5)).isEqualTo(0.0);
        assertThat(constant.transform(6)).isEqualTo(1.0);
    }

    @Test
    void everyMistakeNamesTheFileColumnAndField() throws IOException {
        String[][] cases = {
                {"{\"y\": {\"type\": \"robust\"}}", "y.type: 'robust' is not minmax or standard"},
                {"{\"y\": {\"type\": \"minmax\", \"max\": 1}}", "y.min: missing"},
                {"{\"y\": {\"type\": \"minmax\", \"min\": \"0\", \"max\": 1}}", "y.min: \"0\" is not a finite number"},
                {"{\"y\": {\"type\": \"minmax\", \"min\": 2, \"max\": 1}}", "y: max 1.0 is below min 2.0"},
                {"{\"y\": {\"type\": \"minmax\", \"min\": 0, \"max\": 1, \"range\": [1, 0]}}", "y.range: expected two increasing numbers"},
                {"{\"y\": {\"type\": \"minmax\", \"min\": 0, \"max\": 1, \"scale\": 2}}", "y.scale: unknown field (minmax takes max, min, range, type)"},
                {"{\"y\": {\"type\": \"standard\", \"mean\": 0, \"std\": -1}}", "y.std: -1.0 is negative"},
                {"{\"x\": {\"type\": \"standard\", \"mean\": 0, \"std\": 1}}", "no scaler for column 'y' (the experiment reads [y]; the file has [x])"},
                {"[1, 2]", "expected an object of scalers by column"},
                {"{\"y\": ", "not valid JSON"},
        };
        for (String[] c : cases) {
            Path path = file(c[0]);
            assertThatThrownBy(() -> ScalerFile.read(path, List.of("y"))).as(c[0]).isInstanceOf(ImportException.class)
                    .hasMessageStartingWith(path + ": ").hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> ScalerFile.read(dir.resolve("none.json"), List.of("y"))).hasMessage(dir.resolve("none.json") + ": no such file");
    }
}
