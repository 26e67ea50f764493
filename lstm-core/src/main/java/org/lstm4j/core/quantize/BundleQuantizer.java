package org.lstm4j.core.quantize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.BundleFormat;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;

/**
 * {@code lstm quantize}: a bundle's weight matrices to int8 ({@link Int8Weights}), written as a new bundle (format
 * version 2). The network is rebuilt from the dequantized weights when the bundle loads: ND4J has no int8 matrix
 * product, so the gain is the file's size, not inference speed.
 */
public final class BundleQuantizer {
    private BundleQuantizer() {
    }

    /**
     * What quantization did.
     *
     * @param sourceBytes        the source bundle's file size
     * @param targetBytes        the int8 bundle's file size
     * @param sourceWeightBytes  the source's weights entry, uncompressed
     * @param targetWeightBytes  the int8 weights entry, uncompressed
     * @param maxWeightError     the largest absolute difference between a weight and its int8 value
     */
    public record Report(long sourceBytes, long targetBytes, long sourceWeightBytes, long targetWeightBytes,
                         double maxWeightError) {
        /** The share of the weights' bytes saved, 0.75 for "75% smaller". */
        public double weightSaving() {
            return 1.0 - (double) targetWeightBytes / sourceWeightBytes;
        }
    }

    /**
     * Writes the int8 bundle of {@code source} to {@code target}, atomically.
     *
     * @throws BundleException when {@code source} is not a bundle, or already int8
     */
    public static Report quantize(Path source, Path target) throws IOException {
        BundleFormat format = ModelBundle.describe(source);
        if (format.int8()) {
            throw new BundleException(source + ": the bundle's weights are int8 already");
        }
        LoadedModel model = ModelBundle.load(source);
        try {
            NetworkWeights weights = model.model().weights();
            Int8Weights int8 = Int8Weights.quantize(weights);
            ModelBundle.saveQuantized(model, format.backend(), int8, target);
            return new Report(Files.size(source), Files.size(target), format.weightBytes(),
                    ModelBundle.describe(target).weightBytes(), maxDifference(weights, int8.dequantize()));
        } finally {
            model.model().close();
        }
    }

    private static double maxDifference(NetworkWeights a, NetworkWeights b) {
        double max = 0;
        for (int i = 0; i < a.layers().size(); i++) {
            max = Math.max(max, difference(a.layers().get(i).forward(), b.layers().get(i).forward()));
            if (a.layers().get(i).backward() != null) {
                max = Math.max(max, difference(a.layers().get(i).backward(), b.layers().get(i).backward()));
            }
        }
        if (a.attention() != null) {
            max = Math.max(max, difference(a.attention().score().weights(), b.attention().score().weights()));
            max = Math.max(max, difference(a.attention().vector().weights(), b.attention().vector().weights()));
        }
        return Math.max(max, difference(a.head().weights(), b.head().weights()));
    }

    private static double difference(NetworkWeights.Lstm a, NetworkWeights.Lstm b) {
        return Math.max(difference(a.input(), b.input()), difference(a.recurrent(), b.recurrent()));
    }

    private static double difference(NetworkWeights.Matrix a, NetworkWeights.Matrix b) {
        double max = 0;
        for (int i = 0; i < a.values().length; i++) {
            max = Math.max(max, Math.abs(a.values()[i] - b.values()[i]));
        }
        return max;
    }
}
