package org.lstm4j.cli.serve;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.lstm4j.api.SpecChecks;

/**
 * How one model is served: {@code models[]} in {@code serve.yaml}.
 *
 * @param name            the name in {@code /v2/models/{name}}; default: the experiment's name
 * @param bundle          the model bundle ({@code model.zip})
 * @param maxBatchSize    most windows in one forward pass (Triton's {@code max_batch_size})
 * @param maxQueueDelayMs how long a batch may wait for more windows once it has one (0: send what is queued at once)
 * @param replicas        copies of the network, each predicting on its own thread
 * @param queueCapacity   windows that may wait; beyond it a request is answered 503 at once
 */
public record ModelSettings(String name, Path bundle, @Min(1) @Max(65536) int maxBatchSize,
                            @Min(0) @Max(10000) int maxQueueDelayMs, @Min(1) @Max(64) int replicas,
                            @Min(1) int queueCapacity) {

    public ModelSettings {
        SpecChecks.require(ModelSettings.class, name, bundle, maxBatchSize, maxQueueDelayMs, replicas, queueCapacity);
    }

    /** Batches of up to 64 windows, no delay, one replica per core, 4096 windows queued; no name or bundle yet. */
    public static ModelSettings defaults() {
        return new ModelSettings(null, null, 64, 0, Runtime.getRuntime().availableProcessors(), 4096);
    }

    /** The defaults for {@code bundle}, named {@code name} (null: the experiment's name). */
    public static ModelSettings of(String name, Path bundle) {
        return defaults().withName(name).withBundle(bundle);
    }

    public ModelSettings withName(String value) {
        return new ModelSettings(value, bundle, maxBatchSize, maxQueueDelayMs, replicas, queueCapacity);
    }

    public ModelSettings withBundle(Path value) {
        return new ModelSettings(name, value, maxBatchSize, maxQueueDelayMs, replicas, queueCapacity);
    }

    public ModelSettings withMaxBatchSize(int value) {
        return new ModelSettings(name, bundle, value, maxQueueDelayMs, replicas, queueCapacity);
    }

    public ModelSettings withMaxQueueDelayMs(int value) {
        return new ModelSettings(name, bundle, maxBatchSize, value, replicas, queueCapacity);
    }

    public ModelSettings withReplicas(int value) {
        return new ModelSettings(name, bundle, maxBatchSize, maxQueueDelayMs, value, queueCapacity);
    }

    public ModelSettings withQueueCapacity(int value) {
        return new ModelSettings(name, bundle, maxBatchSize, maxQueueDelayMs, replicas, value);
    }
}
