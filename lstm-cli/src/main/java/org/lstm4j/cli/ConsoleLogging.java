package org.lstm4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The {@code lstm} command's logging, set up in Java when Logback starts (found through {@link java.util.ServiceLoader},
 * before Logback looks for {@code logback.xml}): the command owns the console, so libraries log warnings only, to
 * standard error, as {@code LEVEL logger: message}. Reading the same settings from a {@code logback.xml} started
 * Logback's XML machinery and a SAX parser in every run: about 400 more classes, measured.
 *
 * <p>{@code -Dlogback.configurationFile=FILE} still replaces all of this, as does a {@code logback-test.xml} on the
 * class path (the tests'): then this configurator steps aside and Logback reads the file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** The system property naming the level of {@code lstm serve}'s access log ({@code DEBUG}: a line per request). */
    public static final String ACCESS_LOG_PROPERTY = "lstm4j.access.log";

    /** Levels other than the root's {@code WARN}. */
    static final Map<String, Level> LEVELS = Map.of(
            // lstm serve: model loads at INFO
            "org.lstm4j.cli.serve", Level.INFO,
            // a backend that cannot load its natives (no CUDA driver) is reported by lstm4j in one line; ND4J's own
            // warnings and stack traces about it would bury that line
            "org.nd4j.linalg.factory.Nd4jBackend", Level.OFF,
            // lstm train and tune on Spark: Hadoop's note that it runs without its native library (it needs none)
            "org.apache.hadoop.util.NativeCodeLoader", Level.ERROR,
            // a Spark application that cannot start: lstm says why in one line; Spark would log its stack trace first
            "org.apache.spark.SparkContext", Level.OFF,
            "org.apache.spark.metrics.MetricsSystem", Level.ERROR);

    /** Creates the configurator (Logback's ServiceLoader calls this). */
    public ConsoleLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fileReplacesIt(System.getProperty("logback.configurationFile"),
                ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureConsole(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether Logback should read a file instead: one named by the system property, or the tests' file. */
    static boolean fileReplacesIt(String configurationFileProperty, boolean testFilePresent) {
        return configurationFileProperty != null || testFilePresent;
    }

    /** Sets up {@code context}: the console appender on the root logger at WARN and {@link #LEVELS}. */
    static void configureConsole(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger("org.lstm4j.serve.access")
                .setLevel(Level.toLevel(System.getProperty(ACCESS_LOG_PROPERTY, "INFO"), Level.INFO));
    }
}
