package org.lstm4j.cli.serve;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.lstm4j.api.SpecChecks;

/**
 * The HTTP side of {@code lstm serve}: {@code server} in {@code serve.yaml}.
 *
 * @param host               address to bind; 127.0.0.1 unless told otherwise
 * @param port               TCP port; 0 picks a free one
 * @param tokenFile          a file holding the bearer token every request but the health probes must carry; null: none
 * @param maxBodyBytes       largest request body accepted (413 beyond it)
 * @param readTimeoutSeconds time a client has to send a whole request
 * @param idleTimeoutSeconds time a kept-alive connection may sit idle before it is closed
 * @param httpThreads        threads that parse requests and write responses
 * @param drainSeconds       on shutdown, how long requests in flight may take to finish
 */
public record ServerSettings(String host, @Min(0) @Max(65535) int port, Path tokenFile, @Min(1024) long maxBodyBytes,
                             @Min(1) @Max(3600) int readTimeoutSeconds, @Min(1) @Max(86400) int idleTimeoutSeconds,
                             @Min(1) @Max(1024) int httpThreads, @Min(0) @Max(3600) int drainSeconds) {

    public ServerSettings {
        SpecChecks.require(ServerSettings.class, host, port, tokenFile, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds,
                httpThreads, drainSeconds);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("ServerSettings: host must not be empty");
        }
    }

    /** 127.0.0.1:8080, no token, 4 MiB bodies, 30 s to send a request, 60 s idle, one HTTP thread per core, 30 s drain. */
    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8080, null, 4L << 20, 30, 60, Runtime.getRuntime().availableProcessors(), 30);
    }

    public ServerSettings withHost(String value) {
        return new ServerSettings(value, port, tokenFile, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds, httpThreads, drainSeconds);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(host, value, tokenFile, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds, httpThreads, drainSeconds);
    }

    public ServerSettings withTokenFile(Path value) {
        return new ServerSettings(host, port, value, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds, httpThreads, drainSeconds);
    }

    public ServerSettings withMaxBodyBytes(long value) {
        return new ServerSettings(host, port, tokenFile, value, readTimeoutSeconds, idleTimeoutSeconds, httpThreads, drainSeconds);
    }

    public ServerSettings withReadTimeoutSeconds(int value) {
        return new ServerSettings(host, port, tokenFile, maxBodyBytes, value, idleTimeoutSeconds, httpThreads, drainSeconds);
    }

    public ServerSettings withIdleTimeoutSeconds(int value) {
        return new ServerSettings(host, port, tokenFile, maxBodyBytes, readTimeoutSeconds, value, httpThreads, drainSeconds);
    }

    public ServerSettings withHttpThreads(int value) {
        return new ServerSettings(host, port, tokenFile, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds, value, drainSeconds);
    }

    public ServerSettings withDrainSeconds(int value) {
        return new ServerSettings(host, port, tokenFile, maxBodyBytes, readTimeoutSeconds, idleTimeoutSeconds, httpThreads, value);
    }
}
