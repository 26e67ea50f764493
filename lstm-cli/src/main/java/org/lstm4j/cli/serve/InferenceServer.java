package org.lstm4j.cli.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lstm serve}'s server: the JDK's {@code com.sun.net.httpserver} on a fixed pool of HTTP threads, the Open
 * Inference Protocol routes ({@link OipHandler}) and one {@link ModelEndpoint} per model. {@link #stop} drains:
 * readiness turns false, new infer requests get 503, those already taken are answered, then the port closes.
 */
public final class InferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceServer.class);

    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final OipHandler handler;
    private final ModelRepository repository;
    private final ServerSettings settings;
    private final List<String> models;
    private boolean stopped;

    private InferenceServer(HttpServer http, ThreadPoolExecutor executor, OipHandler handler, ModelRepository repository,
                            ServerSettings settings, List<String> models) {
        this.http = http;
        this.executor = executor;
        this.handler = handler;
        this.repository = repository;
        this.settings = settings;
        this.models = models;
    }

    /**
     * Loads and warms up every model, then listens.
     *
     * @param version reported by {@code GET /v2}
     * @throws IllegalArgumentException naming the bundle or token file that cannot be used
     * @throws org.lstm4j.core.BundleException when a bundle cannot be read
     * @throws IOException when the address cannot be bound
     */
    public static InferenceServer start(ServeConfig config, String version) throws IOException {
        ServerSettings settings = config.server();
        if (config.models().isEmpty()) {
            throw new IllegalArgumentException("no model to serve: give one or more bundles, or models in --config");
        }
        configureJdkServer(settings);
        ServerInferencePaths.acquire();
        try {
            return start(config, settings, version);
        } catch (IOException | RuntimeException e) {
            ServerInferencePaths.release();
            throw e;
        }
    }

    private static InferenceServer start(ServeConfig config, ServerSettings settings, String version) throws IOException {
        BearerToken token = settings.tokenFile() == null ? null : BearerToken.fromFile(settings.tokenFile());
        ServeMetrics metrics = new ServeMetrics();
        ModelRepository repository = new ModelRepository(metrics, TimeUnit.SECONDS.toMillis(settings.drainSeconds()));
        metrics.watch(repository);
        List<String> names = new ArrayList<>();
        try {
            // from the last: of several bundles of one experiment (runs/sine-*/model.zip), the newest, given last,
            // is served under the experiment's name and the others under their run directory's
            for (int i = config.models().size() - 1; i >= 0; i--) {
                ModelSettings model = config.models().get(i);
                names.add(0, repository.load(model.name(), model.bundle(), model, false));
            }
            ThreadPoolExecutor executor = httpExecutor(settings.httpThreads());
            OipHandler handler = new OipHandler(repository, metrics, settings, token, executor, version,
                    ModelSettings.defaults().withReplicas(config.models().get(0).replicas()));
            HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
            http.createContext("/", handler);
            http.setExecutor(executor);
            http.start();
            return new InferenceServer(http, executor, handler, repository, settings, List.copyOf(names));
        } catch (IOException | RuntimeException e) {
            closeQuietly(repository);
            throw e;
        }
    }

    /** The JDK server reads its timeouts once, from system properties; a value the user set wins. */
    private static void configureJdkServer(ServerSettings settings) {
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        System.setProperty("sun.net.httpserver.maxReqTime",
                System.getProperty("sun.net.httpserver.maxReqTime", Integer.toString(settings.readTimeoutSeconds())));
        System.setProperty("sun.net.httpserver.idleInterval",
                System.getProperty("sun.net.httpserver.idleInterval", Integer.toString(settings.idleTimeoutSeconds())));
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "1024"));
    }

    private static ThreadPoolExecutor httpExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "lstm-serve-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The port it listens on (the chosen one when the settings said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** The names of the models it was started with. */
    public List<String> models() {
        return models;
    }

    /**
     * Drains and stops: readiness false and new infer requests refused at once, requests already taken answered
     * (for at most {@code drain_seconds}), then the port closed and the networks freed. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        handler.startDraining();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.drainSeconds());
        try {
            while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (handler.inFlight() > 0) {
                LOG.warn("{} request(s) still in flight after {} s; stopping anyway", handler.inFlight(), settings.drainSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        executor.shutdown();
        closeQuietly(repository);
        ServerInferencePaths.release();
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(ModelRepository repository) {
        try {
            repository.closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
