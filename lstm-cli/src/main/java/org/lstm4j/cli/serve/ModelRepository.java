package org.lstm4j.cli.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    private final Map<String, ModelEndpoint> endpoints = new ConcurrentHashMap<>();
    /** Every model ever loaded, with the settings it was loaded with; loads and unloads change it under the lock. */
    private final Map<String, ModelSettings> known = new ConcurrentHashMap<>();
    /** Known models being loaded again while none of theirs serves (an unloaded model). */
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
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
        return known.containsKey(name);
    }

    /** Whether every known model is loaded. */
    boolean allReady() {
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
            if (name != null && !endpoints.containsKey(name)) {
                loading.add(name);
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
            }
            throw e;
        } finally {
            if (name != null) {
                loading.remove(name);
            }
        }
        ModelEndpoint old;
        synchronized (this) {
            if (!replace && known.containsKey(fresh.name())) {
                retire(fresh, 0);
                throw new IllegalArgumentException(settings.bundle() + ": a model named '" + fresh.name()
                        + "' is already served; give this one another name with NAME=PATH");
            }
            known.put(fresh.name(), settings.withName(fresh.name()));
            old = endpoints.put(fresh.name(), fresh);
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
    List<Entry> index() {
        List<Entry> entries = new ArrayList<>();
        for (String name : new TreeSet<>(known.keySet())) {
            entries.add(new Entry(name, state(name), reasons.get(name)));
        }
        return entries;
    }

    private State state(String name) {
        return endpoints.containsKey(name) ? State.READY : loading.contains(name) ? State.LOADING : State.UNAVAILABLE;
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
        for (String name : known.keySet()) {
            ModelEndpoint endpoint = endpoints.get(name);
            sink.accept(name, endpoint == null ? 0 : endpoint.batcher().queuedWindows(), endpoint != null);
        }
    }

    private static void retire(ModelEndpoint endpoint, long drainMillis) {
        try {
            endpoint.retire(drainMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retireInBackground(ModelEndpoint old) {
        Thread retire = new Thread(() -> retire(old, drainMillis), "lstm-serve-retire-" + old.name());
        retire.setDaemon(true);
        retire.start();
    }
}
