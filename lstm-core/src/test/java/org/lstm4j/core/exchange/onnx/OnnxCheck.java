package org.lstm4j.core.exchange.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.lstm4j.core.FlatWindows;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.WindowCodec;

/**
 * The two ways of forecasting raw windows that must agree: {@code lstm predict}'s (the bundle's {@link WindowCodec}
 * around the model) and ONNX Runtime running the exported file; and the series both read.
 */
final class OnnxCheck {
    private OnnxCheck() {}

    /** The largest relative difference between the forecasts of {@code onnx} and {@code model} for {@code count} raw windows. */
    static double maxRelativeDifference(LoadedModel model, byte[] onnx, int count) throws OrtException {
        WindowCodec codec = WindowCodec.of(model);
        float[] raw = rawWindows(codec, count);
        return maxRelativeDifference(predicted(model, raw, count), onnx(onnx, raw, count, codec));
    }

    /** The value of {@code column} at {@code row}: smooth, positive, away from 0 (a log transform takes every column). */
    static double value(String column, int row) {
        return switch (column) {
            case "y" -> 50 + 20 * Math.sin(row * 0.4) + 0.05 * row;
            case "x" -> 3 + Math.cos(row * 0.4);
            case "z" -> 10 + 2 * Math.sin(row * 0.9);
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** {@code rows} rows of {@code columns} as a CSV with a {@code t} column. */
    static String csv(List<String> columns, int rows) {
        StringBuilder csv = new StringBuilder("t,").append(String.join(",", columns)).append('\n');
        for (int row = 0; row < rows; row++) {
            csv.append(row);
            for (String column : columns) {
                csv.append(',').append((float) value(column, row));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** {@code count} raw windows ({@code [window][step][column]}, float values), window {@code w} starting at row {@code 3w}. */
    static float[] rawWindows(WindowCodec codec, int count) {
        int steps = codec.steps();
        List<String> columns = codec.columns();
        float[] raw = new float[count * steps * columns.size()];
        for (int w = 0; w < count; w++) {
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < columns.size(); c++) {
                    raw[(w * steps + t) * columns.size() + c] = (float) value(columns.get(c), 3 * w + t);
                }
            }
        }
        return raw;
    }

    /** What {@code lstm predict} and {@code lstm serve} forecast for the raw windows, in the data's units. */
    static double[][] predicted(LoadedModel model, float[] raw, int count) {
        WindowCodec codec = WindowCodec.of(model);
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = raw[i];
        }
        float[] inputs = new float[count * codec.window() * codec.features()];
        double[] lastLevels = new double[count];
        codec.encode(values, count, inputs, 0, lastLevels, 0);
        double[][] scaled = model.model().predict(new FlatWindows(inputs, count, codec.window(), codec.features(), codec.horizon()));
        double[][] forecasts = new double[count][];
        for (int w = 0; w < count; w++) {
            forecasts[w] = codec.decode(scaled[w], lastLevels[w]);
        }
        return forecasts;
    }

    /** What ONNX Runtime computes from the exported {@code onnx} for the raw windows. */
    static float[][] onnx(byte[] onnx, float[] raw, int count, WindowCodec codec) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx, options);
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(raw), new long[] {count, codec.steps(), codec.columns().size()});
             OrtSession.Result result = session.run(Map.of(WindowCodec.INPUT, input))) {
            return (float[][]) result.get(WindowCodec.OUTPUT).orElseThrow().getValue();
        }
    }

    /** The largest {@code |actual - expected| / |expected|} over all forecasts. */
    static double maxRelativeDifference(double[][] expected, float[][] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError(actual.length + " forecasts where " + expected.length + " were expected");
        }
        double max = 0;
        for (int w = 0; w < expected.length; w++) {
            if (expected[w].length != actual[w].length) {
                throw new AssertionError("window " + w + ": " + actual[w].length + " steps where " + expected[w].length + " were expected");
            }
            for (int k = 0; k < expected[w].length; k++) {
                max = Math.max(max, Math.abs(actual[w][k] - expected[w][k]) / Math.abs(expected[w][k]));
            }
        }
        return max;
    }
}
