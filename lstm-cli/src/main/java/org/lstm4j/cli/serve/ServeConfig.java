package org.lstm4j.cli.serve;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code serve.yaml}: the server's settings and the models it serves.
 *
 * <pre>
 * server: {host: 127.0.0.1, port: 8080, token_file: token.txt}
 * models:
 *   - {name: sine, bundle: runs/sine-20261201-152453/model.zip, max_batch_size: 64, replicas: 2}
 * </pre>
 *
 * @param server the HTTP side
 * @param models the models; names must differ (a null name is the bundle's experiment name, settled when loaded)
 */
public record ServeConfig(ServerSettings server, List<ModelSettings> models) {

    public ServeConfig {
        if (server == null) {
            throw new IllegalArgumentException("ServeConfig: server must not be null");
        }
        models = models == null ? List.of() : List.copyOf(models);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            ModelSettings model = models.get(i);
            if (model.bundle() == null) {
                throw new IllegalArgumentException("models[" + i + "].bundle: missing: every model needs its bundle file");
            }
            if (model.name() != null && !names.add(model.name())) {
                throw new IllegalArgumentException("models[" + i + "].name: '" + model.name() + "' is served twice");
            }
        }
    }

    /** The default server and no model. */
    public static ServeConfig defaults() {
        return new ServeConfig(ServerSettings.defaults(), List.of());
    }

    public ServeConfig withServer(ServerSettings value) {
        return new ServeConfig(value, models);
    }

    public ServeConfig withModels(List<ModelSettings> value) {
        return new ServeConfig(server, value);
    }
}
