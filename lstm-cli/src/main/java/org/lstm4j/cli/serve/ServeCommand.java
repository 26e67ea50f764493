package org.lstm4j.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lstm4j.cli.LstmCommand;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.SystemInfo;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.RecordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code lstm serve BUNDLE... [--config serve.yaml] [--host H] [--port P] [--token-file F]}: every bundle behind the
 * Open Inference Protocol v2 REST API, until Ctrl-C or SIGTERM, which drain and exit 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve model bundles over the Open Inference Protocol v2 REST API (KServe v2, Triton): "
                + "POST /v2/models/NAME/infer takes windows in the data's units and answers forecasts in the data's units.",
                "Ctrl-C or SIGTERM stops taking requests, answers those in flight, and exits 0. See docs/serving.md."})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "BUNDLE", arity = "0..*",
            description = "model bundles (model.zip), each served under its experiment's name, or NAME=PATH")
    private List<String> bundles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "serve.yaml: server settings and models[] (see docs/serving.md)")
    private Path config;

    @Option(names = "--host", paramLabel = "HOST", description = "address to bind (default 127.0.0.1: this machine only)")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free one)")
    private Integer port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "require Authorization: Bearer <the file's token> on every request but the health probes")
    private Path tokenFile;

    @Option(names = "--replicas", paramLabel = "N", description = "networks per model given on the command line (default: cores)")
    private Integer replicas;

    @Option(names = "--max-batch-size", paramLabel = "N", description = "most windows per forward pass (default 64)")
    private Integer maxBatchSize;

    @Option(names = "--max-queue-delay-ms", paramLabel = "MS", description = "how long a batch may wait to fill up (default 0)")
    private Integer maxQueueDelayMs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeConfig settings;
        try {
            settings = settings();
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("lstm serve: " + e.getMessage());
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        CountDownLatch stop = new CountDownLatch(1);
        InferenceServer server;
        try {
            server = InferenceServer.start(settings, SystemInfo.version());
        } catch (BundleException | IllegalArgumentException e) {
            err.println("lstm serve: " + e.getMessage());
            err.flush();
            return LstmCommand.BAD_INPUT;
        } catch (BindException e) {
            err.println("lstm serve: cannot listen on " + settings.server().host() + ":" + settings.server().port() + ": " + e.getMessage());
            err.flush();
            return LstmCommand.FAILED;
        } catch (IOException e) {
            err.println("lstm serve: cannot start the server: " + e.getMessage());
            err.flush();
            return LstmCommand.FAILED;
        }
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        out.println("serving " + String.join(", ", server.models()) + " on " + server.url() + "/v2 (Ctrl-C stops)");
        out.println("ready: " + server.url());
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("stopping: answering the requests in flight");
        out.flush();
        server.stop();
        out.println("stopped");
        out.flush();
        return LstmCommand.OK;
    }

    private ServeConfig settings() {
        ServeConfig base = config == null ? ServeConfig.defaults()
                : RecordFiles.load(config, ServeConfig.class, ServeConfig.defaults(), "a serve configuration");
        ServerSettings server = base.server();
        if (host != null) {
            server = server.withHost(host);
        }
        if (port != null) {
            server = server.withPort(port);
        }
        if (tokenFile != null) {
            server = server.withTokenFile(tokenFile);
        }
        List<ModelSettings> models = new ArrayList<>(base.models());
        for (String argument : bundles) {
            ModelSettings model = parseBundle(argument);
            if (replicas != null) {
                model = model.withReplicas(replicas);
            }
            if (maxBatchSize != null) {
                model = model.withMaxBatchSize(maxBatchSize);
            }
            if (maxQueueDelayMs != null) {
                model = model.withMaxQueueDelayMs(maxQueueDelayMs);
            }
            models.add(model);
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to serve: give bundles (lstm serve runs/sine-*/model.zip) or --config serve.yaml");
        }
        return new ServeConfig(server, models);
    }

    /** {@code PATH} or {@code NAME=PATH}. */
    static ModelSettings parseBundle(String argument) {
        int eq = argument.indexOf('=');
        if (eq > 0 && argument.substring(0, eq).matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            return ModelSettings.of(argument.substring(0, eq), Path.of(argument.substring(eq + 1)));
        }
        return ModelSettings.of(null, Path.of(argument));
    }
}
