package org.lstm4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.lstm4j.api.CheckpointSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.OutputSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TuningSpec;
import org.lstm4j.core.config.SpecWriter;

/**
 * What makes two runs the same run, as a SHA-256 in hex: the resolved experiment ({@code experiment.yaml}'s text)
 * without the settings that do not change what is trained (checkpoint frequency, the search space, where output
 * goes, plots), and the bytes of the CSV file it reads. A checkpoint is resumed only by a run of the same fingerprint.
 */
final class SpecFingerprint {
    private SpecFingerprint() {}

    /**
     * The fingerprint of {@code spec}.
     *
     * @throws IOException when its CSV file cannot be read
     */
    static String of(ExperimentSpec spec) throws IOException {
        ExperimentSpec trained = spec.withTraining(spec.training().withCheckpoint(CheckpointSpec.defaults()))
                .withTuning(TuningSpec.defaults()).withOutput(OutputSpec.defaults());
        MessageDigest digest = Sha256.digest();
        digest.update(SpecWriter.toYaml(trained).getBytes(StandardCharsets.UTF_8));
        if (spec.data().source() instanceof SourceSpec.Csv csv) {
            digest.update((byte) 0);
            try (InputStream in = Files.newInputStream(csv.csv())) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    digest.update(chunk, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
