package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The command's {@code logback.xml} is well-formed XML: a malformed one is not an error anyone sees in a test, but
 * every run of {@code lstm} would print Logback's parse errors and stack traces before its own output.
 */
class LoggingConfigurationTest {
    @Test
    void logbackXmlParses() throws Exception {
        try (InputStream in = LstmCommand.class.getResourceAsStream("/logback.xml")) {
            assertThat(in).isNotNull();
            assertThatCode(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)).doesNotThrowAnyException();
        }
    }
}
