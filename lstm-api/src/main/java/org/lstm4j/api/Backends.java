package org.lstm4j.api;

import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link Backend} implementations on the class path. */
public final class Backends {
    private Backends() {}

    /** Every backend on the class path. */
    public static List<Backend> available() {
        return ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * The only backend on the class path, or the one named by system property {@code lstm4j.backend}.
     *
     * @throws IllegalStateException when there is none, or several and none chosen
     */
    public static Backend load() {
        List<Backend> all = available();
        String wanted = System.getProperty("lstm4j.backend");
        if (wanted != null) {
            return all.stream().filter(b -> b.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("backend '" + wanted + "' not found; available: "
                            + all.stream().map(Backend::name).toList()));
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no lstm4j backend on the class path: add org.lstm4j:lstm-dl4j");
        }
        if (all.size() > 1) {
            throw new IllegalStateException("several backends " + all.stream().map(Backend::name).toList()
                    + ": choose one with -Dlstm4j.backend=NAME");
        }
        return all.get(0);
    }

    /** The backend with this name. */
    public static Backend named(String name) {
        return available().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("backend '" + name + "' not on the class path"));
    }
}
