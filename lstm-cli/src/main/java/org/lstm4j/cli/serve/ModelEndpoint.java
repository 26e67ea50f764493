package org.lstm4j.cli.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.FlatWindows;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.WindowCodec;

/**
 * One served model: a bundle loaded once per replica, warmed up, and its batcher. Immutable once loaded; a reload
 * builds a new endpoint and swaps it in ({@link ModelRepository}).
 */
final class ModelEndpoint {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final String name;
    private final Path bundle;
    private final LoadedModel first;
    private final WindowCodec codec;
    private final List<TrainedModel> replicas;
    private final MicroBatcher batcher;

    private ModelEndpoint(String name, Path bundle, LoadedModel first, List<TrainedModel> replicas, ModelSettings settings,
                          ServeMetrics metrics) {
        this.name = name;
        this.bundle = bundle;
        this.first = first;
        this.codec = WindowCodec.of(first);
        this.replicas = replicas;
        this.batcher = new MicroBatcher(name, replicas, codec, settings, metrics);
    }

    /**
     * Loads {@code settings.bundle()} once per replica and runs each replica once at every batch size it will
     * meet first (1, 2 and the largest), so that the first requests pay no allocation.
     *
     * @throws org.lstm4j.core.BundleException when the bundle cannot be read
     * @throws IllegalArgumentException        when the name is not a valid model name
     */
    static ModelEndpoint load(ModelSettings settings, ServeMetrics metrics) {
        return load(settings, metrics, UnaryOperator.identity());
    }

    /**
     * As {@link #load(ModelSettings, ServeMetrics)}, a bundle given without a name being served under
     * {@code naming.apply(its experiment's name)}.
     */
    static ModelEndpoint load(ModelSettings settings, ServeMetrics metrics, UnaryOperator<String> naming) {
        List<TrainedModel> replicas = new ArrayList<>();
        LoadedModel first = ModelBundle.load(settings.bundle());
        String name = settings.name() != null ? settings.name() : naming.apply(first.spec().name());
        try {
            checkName(name, settings.bundle());
            replicas.add(first.model());
            for (int r = 1; r < settings.replicas(); r++) {
                replicas.add(ModelBundle.load(settings.bundle()).model());
            }
            WindowCodec codec = WindowCodec.of(first);
            for (TrainedModel replica : replicas) {
                for (int size : new int[] {1, 2, settings.maxBatchSize()}) {
                    replica.predict(new FlatWindows(new float[size * codec.window() * codec.features()], size,
                            codec.window(), codec.features(), codec.horizon()));
                }
            }
            return new ModelEndpoint(name, settings.bundle(), first, List.copyOf(replicas), settings, metrics);
        } catch (RuntimeException e) {
            replicas.forEach(TrainedModel::close);
            first.model().close();
            throw e;
        }
    }

    private static void checkName(String name, Path bundle) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(bundle + ": '" + name + "' cannot be a model name in a URL (letters, digits, "
                    + "'_', '.', '-'; give one with NAME=PATH)");
        }
    }

    String name() {
        return name;
    }

    Path bundle() {
        return bundle;
    }

    WindowCodec codec() {
        return codec;
    }

    LoadedModel loaded() {
        return first;
    }

    MicroBatcher batcher() {
        return batcher;
    }

    /** Stops taking work, lets the queued work finish (up to {@code timeoutMillis}), then frees the networks. */
    void retire(long timeoutMillis) throws InterruptedException {
        batcher.close();
        batcher.awaitDrained(timeoutMillis);
        replicas.forEach(TrainedModel::close);
    }
}
