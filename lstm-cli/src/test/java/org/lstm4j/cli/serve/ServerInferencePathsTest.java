package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's inference settings last as long as a server runs, and never override the user's. */
class ServerInferencePathsTest {
    private static final String WINDOWS = "lstm4j.javaInferenceWindows";
    private static final String FUSED = "lstm4j.fusedLstmInference";

    @Test
    void setWhileServersRunAndClearedWhenTheLastStops() {
        assertThat(System.getProperty(WINDOWS)).as("no server runs in this test JVM now").isNull();
        ServerInferencePaths.acquire();
        ServerInferencePaths.acquire();
        assertThat(System.getProperty(WINDOWS)).isEqualTo("64");
        assertThat(System.getProperty(FUSED)).isEqualTo("false");
        ServerInferencePaths.release();
        assertThat(System.getProperty(WINDOWS)).as("one server still runs").isEqualTo("64");
        ServerInferencePaths.release();
        assertThat(System.getProperty(WINDOWS)).isNull();
        assertThat(System.getProperty(FUSED)).isNull();
    }

    @Test
    void aValueTheUserSetIsLeftAlone() {
        System.setProperty(FUSED, "true");
        try {
            ServerInferencePaths.acquire();
            assertThat(System.getProperty(FUSED)).isEqualTo("true");
            ServerInferencePaths.release();
            assertThat(System.getProperty(FUSED)).isEqualTo("true");
            assertThat(System.getProperty(WINDOWS)).isNull();
        } finally {
            System.clearProperty(FUSED);
        }
    }
}
