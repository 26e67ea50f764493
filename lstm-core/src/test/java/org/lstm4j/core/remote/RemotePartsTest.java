package org.lstm4j.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.OutputSpec;
import org.lstm4j.api.TuningSpec;

/** The parts a remote piece of work travels with: the experiment, a directory's files, the connector lookup. */
class RemotePartsTest {
    @TempDir
    Path dir;

    @Test
    void anExperimentSurvivesJavaSerializationWithItsRelativeOutputDirectory() throws Exception {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        grid.put("model.hidden_size", List.of(3, 5)); // Integers; the YAML form binds them back as other numbers
        ExperimentSpec spec = ExperimentSpec.defaults().withName("shipped").withSeed(9)
                .withTuning(TuningSpec.defaults().withParameters(grid))
                .withOutput(OutputSpec.defaults().withDir(Path.of("../runs")));

        ShippedSpec back = roundTrip(ShippedSpec.of(spec));

        assertThat(back.spec().withTuning(spec.tuning())).isEqualTo(spec);
        assertThat(back.spec().output().dir()).isEqualTo(Path.of("../runs"));
    }

    @Test
    void aDirectorysFilesAreWrittenBackByteForByte() throws IOException {
        Path source = Files.createDirectories(dir.resolve("run/sub"));
        Files.writeString(dir.resolve("run/metrics.json"), "{}");
        Files.write(source.resolve("model.zip"), new byte[] {0, 1, (byte) 255});

        TreeMap<String, byte[]> files = DirectoryFiles.read(dir.resolve("run"));
        Files.createDirectories(dir.resolve("copy"));
        Files.writeString(dir.resolve("copy/stale.txt"), "from an earlier attempt");
        DirectoryFiles.write(files, dir.resolve("copy"));

        assertThat(files.keySet()).containsExactly("metrics.json", "sub/model.zip");
        assertThat(Files.readAllBytes(dir.resolve("copy/sub/model.zip"))).containsExactly(0, 1, 255);
        assertThat(dir.resolve("copy/stale.txt")).doesNotExist();
        assertThat(dir.resolve("copy.partial")).doesNotExist();
    }

    @Test
    void aFileThatWouldLeaveTheDirectoryIsRefused() {
        TreeMap<String, byte[]> hostile = new TreeMap<>(Map.of("../outside.txt", "x".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> DirectoryFiles.write(hostile, dir.resolve("target")))
                .isInstanceOf(IOException.class).hasMessageContaining("'../outside.txt' is not a file inside");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void withoutAConnectorOnTheClassPathTheMessageSaysWhatToAdd() {
        assertThatThrownBy(() -> WorkPlaces.connect("local[2]", Map.of(), "test"))
                .isInstanceOf(RemoteWorkException.class)
                .hasMessageContaining("needs org.lstm4j:lstm-spark and Apache Spark");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
