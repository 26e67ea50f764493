package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadChoiceTest {
    @Test
    void theSpecWinsOverPropertyAndEnvironment() {
        assertThat(ThreadChoice.resolve(3, "2", "4")).isEqualTo(new ThreadChoice(3, "training.threads"));
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertThat(ThreadChoice.resolve(0, "2", "4")).isEqualTo(new ThreadChoice(2, "-Dlstm4j.threads"));
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertThat(ThreadChoice.resolve(0, null, " 4 ")).isEqualTo(new ThreadChoice(4, "OMP_NUM_THREADS"));
    }

    @Test
    void withNothingSetOneThread() {
        assertThat(ThreadChoice.resolve(0, null, null)).isEqualTo(new ThreadChoice(1, "default"));
        assertThat(ThreadChoice.resolve(0, "", "")).isEqualTo(new ThreadChoice(1, "default"));
    }

    @Test
    void anUnreadableEnvironmentValueIsIgnored() {
        assertThat(ThreadChoice.resolve(0, null, "many")).isEqualTo(new ThreadChoice(1, "default"));
    }

    @Test
    void aBadPropertyIsRefusedWithItsValue() {
        assertThatThrownBy(() -> ThreadChoice.resolve(0, "0", null))
                .hasMessage("system property lstm4j.threads must be a whole number >= 1, was '0'");
        assertThatThrownBy(() -> ThreadChoice.resolve(0, "two", null)).hasMessageContaining("was 'two'");
    }
}
