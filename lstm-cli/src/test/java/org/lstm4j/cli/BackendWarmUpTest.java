package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BackendWarmUp} starts the backend early only for command lines that will use it. */
class BackendWarmUpTest {
    @Test
    void commandsThatTrainOrPredictStartItEarly() {
        for (String command : List.of("train x.yaml", "tune x.yaml --trials 3", "predict runs/x", "evaluate runs/x",
                "serve runs/x --port 0", "bench sine --in-process --json")) {
            assertThat(BackendWarmUp.pays(List.of(command.split(" ")))).as(command).isTrue();
        }
    }

    @Test
    void commandsThatDoNotUseItHereDoNot() {
        for (String command : List.of("", "validate x.yaml", "info runs/x", "--help", "train --help", "predict -h",
                "--version", "bench", "bench sine --torch python3", "train many.yaml --spark local[2]",
                "tune x.yaml --spark=spark://h:7077", "help train", "trian x.yaml")) {
            List<String> arguments = command.isEmpty() ? List.of() : List.of(command.split(" "));
            assertThat(BackendWarmUp.pays(arguments)).as(command).isFalse();
        }
    }

    @Test
    void aSystemPropertyTurnsItOff() {
        System.setProperty(BackendWarmUp.PROPERTY, "false");
        try {
            assertThat(BackendWarmUp.pays(List.of("train", "x.yaml"))).isFalse();
        } finally {
            System.clearProperty(BackendWarmUp.PROPERTY);
        }
    }

    @Test
    void theDaemonThreadEndsWithTheBackendUsable() throws Exception {
        Thread thread = BackendWarmUp.start();
        thread.join(120_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(thread.isDaemon()).isTrue();
        assertThat(org.lstm4j.api.Backends.load().info().threads()).isPositive();
    }
}
