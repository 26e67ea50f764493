package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The command's console logging ({@link ConsoleLogging}): what it sets, that Logback finds it, and that a file named
 * by the user still replaces it.
 */
class LoggingConfigurationTest {
    @Test
    void librariesLogWarningsToStandardErrorAndTheNamedLoggersHaveTheirLevels() {
        LoggerContext context = new LoggerContext();
        ConsoleLogging.configureConsole(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(console.isStarted()).isTrue();
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo("%level %logger{20}: %msg%n");
        assertThat(context.getLogger("org.nd4j.linalg.factory.Nd4jBackend").getLevel()).isEqualTo(Level.OFF);
        assertThat(context.getLogger("org.apache.spark.SparkContext").getLevel()).isEqualTo(Level.OFF);
        assertThat(context.getLogger("org.lstm4j.cli.serve").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.lstm4j.serve.access").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.nd4j.linalg.factory.Nd4j").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void theAccessLogLevelComesFromItsSystemProperty() {
        String before = System.getProperty(ConsoleLogging.ACCESS_LOG_PROPERTY);
        System.setProperty(ConsoleLogging.ACCESS_LOG_PROPERTY, "DEBUG");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogging.configureConsole(context);
            assertThat(context.getLogger("org.lstm4j.serve.access").getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleLogging.ACCESS_LOG_PROPERTY);
            } else {
                System.setProperty(ConsoleLogging.ACCESS_LOG_PROPERTY, before);
            }
        }
    }

    @Test
    void aConfigurationFileOfTheUsersOrTheTestsReplacesIt() {
        assertThat(ConsoleLogging.fileReplacesIt(null, false)).isFalse();
        assertThat(ConsoleLogging.fileReplacesIt("my-logback.xml", false)).isTrue();
        assertThat(ConsoleLogging.fileReplacesIt(null, true)).isTrue();
        LoggerContext context = new LoggerContext();
        ConsoleLogging configurator = new ConsoleLogging();
        configurator.setContext(context);
        // this test JVM has lstm-cli's logback-test.xml: the configurator steps aside and leaves the context alone
        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void logbackFindsItAsAService() throws Exception {
        try (InputStream in = LstmCommand.class.getResourceAsStream(
                "/META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(ConsoleLogging.class.getName());
        }
        assertThat(LstmCommand.class.getResource("/logback.xml")).as("no second configuration to drift apart").isNull();
    }
}
