package org.lstm4j.cli.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's Prometheus metrics, in a registry of its own: requests by model and status code, request latency,
 * queue wait and batch size histograms, queue depth and loaded models, and the JVM's memory, threads and GC.
 */
final class ServeMetrics {
    /** Stands for every model name the server does not know, so that made-up names cannot grow the label set. */
    static final String UNKNOWN_MODEL = "_unknown";

    /** What the gauges read: each model's queue depth and whether it is loaded. */
    interface ModelStates {
        /** Calls {@code sink} once per known model. */
        void forEach(ModelStateSink sink);
    }

    /** Receives one model's state. */
    interface ModelStateSink {
        void accept(String model, int queuedWindows, boolean loaded);
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private final Histogram queueWait;
    private final Histogram batchSize;

    ServeMetrics() {
        requests = Counter.builder().name("lstm4j_requests_total").help("HTTP requests by model and status code")
                .labelNames("model", "code").register(registry);
        latency = Histogram.builder().name("lstm4j_request_duration_seconds").help("time from request to response")
                .labelNames("model").classicOnly()
                .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5)
                .register(registry);
        queueWait = Histogram.builder().name("lstm4j_queue_wait_seconds").help("time windows wait for a replica")
                .labelNames("model").classicOnly()
                .classicUpperBounds(0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1)
                .register(registry);
        batchSize = Histogram.builder().name("lstm4j_batch_windows").help("windows per forward pass")
                .labelNames("model").classicOnly()
                .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
                .register(registry);
        JvmMetrics.builder().register(registry);
    }

    /** Adds the gauges that read each model's queue depth and whether it is loaded from {@code states}. */
    void watch(ModelStates states) {
        GaugeWithCallback.builder().name("lstm4j_queue_windows").help("windows waiting for a replica").labelNames("model")
                .callback(cb -> states.forEach((model, queued, loaded) -> cb.call(queued, model))).register(registry);
        GaugeWithCallback.builder().name("lstm4j_model_loaded").help("1 when the model is loaded and serving").labelNames("model")
                .callback(cb -> states.forEach((model, queued, loaded) -> cb.call(loaded ? 1 : 0, model))).register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void request(String model, int code, double seconds) {
        requests.labelValues(model, Integer.toString(code)).inc();
        if (!UNKNOWN_MODEL.equals(model)) {
            latency.labelValues(model).observe(seconds);
        }
    }

    void queueWait(String model, double seconds) {
        queueWait.labelValues(model).observe(seconds);
    }

    void batch(String model, int windows) {
        batchSize.labelValues(model).observe(windows);
    }
}
