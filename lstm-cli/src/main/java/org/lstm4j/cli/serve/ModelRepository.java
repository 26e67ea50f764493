package org.lstm4j.cli.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models a server knows, by name, and the repository extension's load and unload. A load builds and warms
 * the new endpoint while the old one keeps serving, swaps it in at once, then retires the old one in the
 * background: requests already queued on it finish there, so a reload under load loses none.
 */
final class ModelRepository implements ServeMetrics.ModelStates {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);

    /** A model's state in {@code /v2/repository/index}. */
    enum State { READY, LOADING, UNAVAILABLE }

    /** One row of the repository index. */
    record Entry(String name, State state, String reason) {}

    private final ConcurrentHashMap<String, ModelEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, ModelSettings> known = new LinkedHashMap<>();
    private final Set<String> knownNames = ConcurrentHashMap.newKeySet();
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final ServeMetrics metrics;
    private final long drainMillis;

    ModelRepository(ServeMetrics metrics, long drainMillis) {
        this.metrics = metrics;
        this.drainMillis = drainMillis;
    }

    /** The serving endpoint of {@code name}, or null when it is not loaded. */
    ModelEndpoint get(String name) {
        return endpoints.get(name);
    }

    /** Whether {@code name} was ever configured or loaded. */
    boolean knows(String name) {
        return knownNames.contains(name);
    }

    /** Whether every known model is loaded. */
    synchronized boolean allReady() {
        return !known.isEmpty() && known.keySet().stream().allMatch(endpoints::containsKey);
    }

    /**
     * Loads (or reloads) a model and swaps it in.
     *
     * @param name   the model's name, or null for its experiment's name
     * @param bundle a bundle, or null to read again the one it was loaded from
     * @param replace whether a model already served under the name is replaced (a reload) or refused; a bundle given
     *                without a name whose experiment's name is taken is then served under its directory's name
     *                ({@code runs/sine-20261201-204854/model.zip} as {@code sine-20261201-204854})
     * @return the name it is served under
     * @throws IllegalArgumentException when a reload names neither a known model nor a bundle, or when the name is
     *                                  taken and {@code replace} is false
     */
    String load(String name, Path bundle, ModelSettings template, boolean replace) {
        ModelSettings settings;
        synchronized (this) {
            ModelSettings before = name == null ? null : known.get(name);
            if (bundle == null && before == null) {
                throw new IllegalArgumentException("model '" + name + "' is not in the repository; give its bundle: "
                        + "{\"parameters\": {\"bundle\": \"/path/to/model.zip\"}}");
            }
            settings = (before != null ? before : template.withName(name));
            if (bundle != null) {
                settings = settings.withBundle(bundle);
            }
            if (name != null) {
                states.put(name, endpoints.containsKey(name) ? State.READY : State.LOADING);
            }
        }
        ModelEndpoint fresh;
        try {
            Path file = settings.bundle();
            fresh = ModelEndpoint.load(settings, metrics, experimentName -> replace || !knows(experimentName)
                    || file.toAbsolutePath().getParent() == null ? experimentName
                    : file.toAbsolutePath().getParent().getFileName().toString());
        } catch (RuntimeException e) {
            if (name != null) {
                reasons.put(name, e.getMessage());
                states.put(name, endpoints.containsKey(name) ? State.READY : State.UNAVAILABLE);
            }
            throw e;
        }
        ModelEndpoint old;
        synchronized (this) {
            if (!replace && known.containsKey(fresh.name())) {
                closeQuietly(fresh);
                throw new IllegalArgumentException(settings.bundle() + ": a model named '" + fresh.name()
                        + "' is already served; give this one another name with NAME=PATH");
            }
            known.put(fresh.name(), settings.withName(fresh.name()));
            knownNames.add(fresh.name());
            old = endpoints.put(fresh.name(), fresh);
            states.put(fresh.name(), State.READY);
            reasons.remove(fresh.name());
        }
        LOG.info("model '{}' ready: {}{}", fresh.name(), fresh.bundle(), old == null ? "" : " (replaced " + old.bundle() + ")");
        if (old != null) {
            retireInBackground(old);
        }
        return fresh.name();
    }

    /** Stops serving {@code name}; its queued requests finish. Returns false when it is not loaded. */
    boolean unload(String name) {
        ModelEndpoint old;
        synchronized (this) {
            old = endpoints.remove(name);
            if (old != null) {
                states.put(name, State.UNAVAILABLE);
                reasons.put(name, "unloaded");
            }
        }
        if (old == null) {
            return false;
        }
        LOG.info("model '{}' unloaded", name);
        retireInBackground(old);
        return true;
    }

    /** Every known model with its state, by name. */
    synchronized List<Entry> index() {
        List<Entry> entries = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(known.keySet())) {
            entries.add(new Entry(name, states.getOrDefault(name, State.UNAVAILABLE), reasons.get(name)));
        }
        return entries;
    }

    /** Retires every endpoint, waiting for their queued work. */
    void closeAll() throws InterruptedException {
        List<ModelEndpoint> all;
        synchronized (this) {
            all = new ArrayList<>(endpoints.values());
            endpoints.clear();
        }
        for (ModelEndpoint endpoint : all) {
            endpoint.retire(drainMillis);
        }
    }

    @Override
    public void forEach(ServeMetrics.ModelStateSink sink) {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(known.keySet());
        }
        for (String name : names) {
            ModelEndpoint endpoint = endpoints.get(name);
            sink.accept(name, endpoint == null ? 0 : endpoint.batcher().queuedWindows(), endpoint != null);
        }
    }

    private static void closeQuietly(ModelEndpoint endpoint) {
        try {
            endpoint.retire(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retireInBackground(ModelEndpoint old) {
        Thread retire = new Thread(() -> {
            try {
                old.retire(drainMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lstm-serve-retire-" + old.name());
        retire.setDaemon(true);
        retire.start();
    }
}
