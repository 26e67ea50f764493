package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The thread count reaches ND4J's OpenMP team, OpenBLAS and libnd4j's master threads (real ND4J). */
class ThreadSettingsTest {
    @AfterEach
    void backToTheDefault() {
        ThreadSettings.apply(0);
    }

    @Test
    void theSpecsCountTakesEffectInEveryControl() {
        ThreadChoice choice = ThreadSettings.apply(2);
        assertThat(choice).isEqualTo(new ThreadChoice(2, "training.threads"));
        assertThat(ThreadSettings.ompThreads()).isEqualTo(2);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(2);
        // libnd4j caps its master threads at the max it started with (OMP_NUM_THREADS, else the cores), and
        // Environment.setMaxThreads does not change that max in M2.1: a raise above it reaches OpenMP and OpenBLAS only
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(Math.min(2, Nd4j.getEnvironment().maxThreads()));

        ThreadSettings.apply(1);
        assertThat(ThreadSettings.ompThreads()).isEqualTo(1);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
    }

    @Test
    void withoutAWishTheDefaultOrTheEnvironmentRules() {
        ThreadChoice choice = ThreadSettings.apply(0);
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp == null) {
            assertThat(choice).isEqualTo(new ThreadChoice(1, "default"));
        } else {
            assertThat(choice.source()).isEqualTo("OMP_NUM_THREADS");
        }
        assertThat(ThreadSettings.ompThreads()).isEqualTo(choice.threads());
        assertThat(ThreadSettings.current()).isEqualTo(choice);
    }

    @Test
    void aThreadStartedAfterTheCountWasAppliedOnAnotherThreadGetsItToo() throws InterruptedException {
        ThreadSettings.apply(1); // this module's tests run with OMP_NUM_THREADS=1: new threads start with 1
        int[] seen = new int[2];
        // what two searches in one JVM do: each trial runs on a thread of its own search's pool
        for (int search = 0; search < 2; search++) {
            int index = search;
            Thread trial = new Thread(() -> {
                ThreadSettings.apply(2);
                seen[index] = ThreadSettings.ompThreads();
            });
            trial.start();
            trial.join();
        }
        assertThat(seen).as("OpenMP keeps its team size per thread").containsExactly(2, 2);
    }

    @Test
    void thePropertyOverridesTheDefault() {
        System.setProperty("lstm4j.threads", "2");
        try {
            assertThat(ThreadSettings.apply(0)).isEqualTo(new ThreadChoice(2, "-Dlstm4j.threads"));
            assertThat(ThreadSettings.ompThreads()).isEqualTo(2);
        } finally {
            System.clearProperty("lstm4j.threads");
        }
    }
}
