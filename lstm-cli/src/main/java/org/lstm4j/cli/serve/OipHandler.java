package org.lstm4j.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.lstm4j.core.WindowCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open Inference Protocol v2 REST routes (health, server and model metadata, infer, the model-repository
 * extension) and {@code /metrics}. Infer requests are parsed and scaled on the HTTP thread, queued, and answered
 * from the HTTP executor when their batch is done: no HTTP thread waits for a model.
 */
final class OipHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OipHandler.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.lstm4j.serve.access");
    private static final int RETRY_AFTER_SECONDS = 1;
    /** Write answers on the replica's thread instead of handing them to the HTTP threads (for A/B runs). */
    private static final boolean ANSWER_ON_REPLICA = Boolean.getBoolean("lstm4j.serve.answerOnReplica");

    private final ModelRepository repository;
    private final ServeMetrics metrics;
    private final MetricsHandler metricsHandler;
    private final ServerSettings settings;
    private final BearerToken token;
    private final Executor executor;
    private final String version;
    private final ModelSettings loadTemplate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    OipHandler(ModelRepository repository, ServeMetrics metrics, ServerSettings settings, BearerToken token, Executor executor,
               String version, ModelSettings loadTemplate) {
        this.repository = repository;
        this.metrics = metrics;
        this.metricsHandler = new MetricsHandler(metrics.registry());
        this.settings = settings;
        this.token = token;
        this.executor = executor;
        this.version = version;
        this.loadTemplate = loadTemplate;
    }

    /** From now on infer requests are refused (503) and readiness is false; requests already taken still finish. */
    void startDraining() {
        draining = true;
    }

    /** Requests taken but not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        boolean answered = true;
        String model = null;
        try {
            String path = exchange.getRequestURI().getPath();
            List<String> parts = segments(path);
            if (parts.size() >= 3 && parts.get(0).equals("v2") && parts.get(1).equals("models")) {
                model = parts.get(2);
            }
            if (!isHealth(parts) && token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw new HttpError(401, "missing or wrong bearer token (send Authorization: Bearer <token>)");
            }
            answered = route(exchange, parts, started);
        } catch (HttpError e) {
            reply(exchange, e);
        } catch (IOException e) {
            LOG.debug("connection failed: {}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            LOG.debug("failure", e);
            reply(exchange, new HttpError(500, "internal error: " + e.getMessage()));
        } finally {
            if (answered) {
                done(exchange, model, started);
            }
        }
    }

    /** Returns false when the answer is sent later (an infer request queued). */
    private boolean route(HttpExchange exchange, List<String> parts, long started) throws HttpError, IOException {
        String method = exchange.getRequestMethod();
        if (parts.equals(List.of("metrics"))) {
            require(method, "GET");
            metricsHandler.handle(exchange);
            return true;
        }
        if (parts.isEmpty() || !parts.get(0).equals("v2")) {
            throw new HttpError(404, "no such endpoint: " + exchange.getRequestURI().getPath() + " (the API is under /v2)");
        }
        List<String> rest = parts.subList(1, parts.size());
        if (rest.isEmpty()) {
            require(method, "GET");
            Exchanges.json(exchange, 200, Map.of("name", "lstm4j", "version", version, "extensions", List.of("model_repository")));
        } else if (rest.equals(List.of("health", "live"))) {
            require(method, "GET");
            Exchanges.json(exchange, 200, Map.of("live", true));
        } else if (rest.equals(List.of("health", "ready"))) {
            require(method, "GET");
            boolean ready = !draining && repository.allReady();
            Exchanges.json(exchange, ready ? 200 : 503, Map.of("ready", ready));
        } else if (rest.get(0).equals("models") && rest.size() >= 2) {
            return modelRoute(exchange, method, rest.get(1), rest.subList(2, rest.size()), started);
        } else if (rest.get(0).equals("repository")) {
            repositoryRoute(exchange, method, rest.subList(1, rest.size()));
        } else {
            throw new HttpError(404, "no such endpoint: " + exchange.getRequestURI().getPath());
        }
        return true;
    }

    private boolean modelRoute(HttpExchange exchange, String method, String name, List<String> rest, long started)
            throws HttpError, IOException {
        if (rest.size() >= 2 && rest.get(0).equals("versions")) {
            List<String> after = rest.subList(2, rest.size());
            throw new HttpError(404, "model '" + name + "' is not versioned: use /v2/models/" + name
                    + (after.isEmpty() ? "" : "/" + String.join("/", after)));
        }
        if (rest.isEmpty()) {
            require(method, "GET");
            Exchanges.json(exchange, 200, ModelMetadata.of(endpoint(name)));
        } else if (rest.equals(List.of("ready"))) {
            require(method, "GET");
            boolean ready = !draining && repository.get(name) != null;
            if (!ready && !repository.knows(name)) {
                throw unknown(name);
            }
            Exchanges.json(exchange, ready ? 200 : 503, Map.of("name", name, "ready", ready));
        } else if (rest.equals(List.of("infer"))) {
            require(method, "POST");
            return !infer(exchange, name, started);
        } else {
            throw new HttpError(404, "no such endpoint: " + exchange.getRequestURI().getPath());
        }
        return true;
    }

    /** Returns true when the answer will be sent later. */
    private boolean infer(HttpExchange exchange, String name, long started) throws HttpError, IOException {
        byte[] body = Exchanges.body(exchange, settings.maxBodyBytes());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (draining) {
                throw new HttpError(503, "the server is shutting down", RETRY_AFTER_SECONDS);
            }
            ModelEndpoint endpoint = endpoint(name);
            WindowCodec codec = endpoint.codec();
            InferRequest request = InferRequest.parse(body, codec);
            int n = request.windows();
            if (n > endpoint.batcher().capacity()) {
                throw new HttpError(413, "the request has " + n + " windows; model '" + name + "' queues at most "
                        + endpoint.batcher().capacity() + " (models[].queue_capacity)");
            }
            float[] inputs = new float[n * codec.window() * codec.features()];
            double[] lastLevels = new double[n];
            try {
                codec.encode(request.values(), n, inputs, 0, lastLevels, 0);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("inputs[0]: " + e.getMessage());
            }
            CompletableFuture<double[][]> forecast;
            try {
                forecast = endpoint.batcher().submit(inputs, lastLevels, n);
            } catch (MicroBatcher.Closed e) {
                continue; // reloaded or unloaded between lookup and submit: ask the repository again
            } catch (MicroBatcher.Overloaded e) {
                throw new HttpError(503, e.getMessage(), RETRY_AFTER_SECONDS);
            }
            if (ANSWER_ON_REPLICA) {
                forecast.whenComplete((rows, failure) -> answer(exchange, name, request, rows, failure, started));
            } else {
                forecast.whenCompleteAsync((rows, failure) -> answer(exchange, name, request, rows, failure, started), executor);
            }
            return true;
        }
        throw new HttpError(503, "model '" + name + "' is being reloaded; retry", RETRY_AFTER_SECONDS);
    }

    private void answer(HttpExchange exchange, String name, InferRequest request, double[][] rows, Throwable failure, long started) {
        try {
            if (failure != null) {
                reply(exchange, new HttpError(500, "inference failed: " + rootMessage(failure)));
                return;
            }
            int horizon = rows.length == 0 ? 0 : rows[0].length;
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("name", InferRequest.OUTPUT);
            output.put("datatype", request.datatype());
            output.put("shape", List.of(rows.length, horizon));
            output.put("data", request.datatype().equals("FP64") ? flatDoubles(rows, horizon) : flatFloats(rows, horizon));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("model_name", name);
            if (request.id() != null) {
                response.put("id", request.id());
            }
            response.put("outputs", List.of(output));
            Exchanges.json(exchange, 200, response);
        } catch (IOException | RuntimeException e) {
            LOG.debug("answer failed: {}", e.toString());
            exchange.close();
        } finally {
            done(exchange, name, started);
        }
    }

    private void repositoryRoute(HttpExchange exchange, String method, List<String> rest) throws HttpError, IOException {
        require(method, "POST");
        if (rest.equals(List.of("index"))) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ModelRepository.Entry entry : repository.index()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", entry.name());
                row.put("state", entry.state().name());
                if (entry.reason() != null) {
                    row.put("reason", entry.reason());
                }
                rows.add(row);
            }
            Exchanges.json(exchange, 200, rows);
            return;
        }
        if (rest.size() == 3 && rest.get(0).equals("models") && (rest.get(2).equals("load") || rest.get(2).equals("unload"))) {
            String name = rest.get(1);
            byte[] body = Exchanges.body(exchange, settings.maxBodyBytes());
            if (rest.get(2).equals("unload")) {
                if (!repository.unload(name)) {
                    throw repository.knows(name) ? HttpError.badRequest("model '" + name + "' is not loaded") : unknown(name);
                }
            } else {
                Path bundle = LoadRequest.bundle(body);
                try {
                    repository.load(name, bundle, loadTemplate, true);
                } catch (IllegalArgumentException | org.lstm4j.core.BundleException e) {
                    throw HttpError.badRequest("cannot load model '" + name + "': " + e.getMessage());
                }
            }
            Exchanges.json(exchange, 200, Map.of());
            return;
        }
        throw new HttpError(404, "no such endpoint: " + exchange.getRequestURI().getPath());
    }

    private ModelEndpoint endpoint(String name) throws HttpError {
        ModelEndpoint endpoint = repository.get(name);
        if (endpoint != null) {
            return endpoint;
        }
        if (repository.knows(name)) {
            throw new HttpError(503, "model '" + name + "' is not loaded (POST /v2/repository/models/" + name + "/load loads it)",
                    RETRY_AFTER_SECONDS);
        }
        throw unknown(name);
    }

    private HttpError unknown(String name) {
        List<String> names = repository.index().stream().map(ModelRepository.Entry::name).toList();
        return new HttpError(404, "unknown model '" + abbreviate(name) + "'; this server has " + names);
    }

    private static void reply(HttpExchange exchange, HttpError error) {
        try {
            Exchanges.error(exchange, error);
        } catch (IOException e) {
            LOG.debug("error reply failed: {}", e.toString());
            exchange.close();
        }
    }

    private void done(HttpExchange exchange, String model, long started) {
        inFlight.decrementAndGet();
        int status = exchange.getResponseCode();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (model != null) {
            metrics.request(repository.knows(model) ? model : ServeMetrics.UNKNOWN_MODEL, status, seconds);
        }
        if (ACCESS.isDebugEnabled()) {
            ACCESS.debug("{} {} {} {} ms", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), status,
                    String.format("%.2f", seconds * 1e3));
        }
    }

    private static void require(String method, String allowed) throws HttpError {
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " is not allowed here; use " + allowed);
        }
    }

    private static boolean isHealth(List<String> parts) {
        return parts.size() == 3 && parts.get(0).equals("v2") && parts.get(1).equals("health");
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static double[] flatDoubles(double[][] rows, int horizon) {
        double[] flat = new double[rows.length * horizon];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * horizon, horizon);
        }
        return flat;
    }

    private static float[] flatFloats(double[][] rows, int horizon) {
        float[] flat = new float[rows.length * horizon];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < horizon; k++) {
                flat[i * horizon + k] = (float) rows[i][k];
            }
        }
        return flat;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
