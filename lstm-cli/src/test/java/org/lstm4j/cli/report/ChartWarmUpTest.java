package org.lstm4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.EpochResult;

/** {@link ChartWarmUp} starts once, after its epoch, on a daemon thread that draws and ends. */
class ChartWarmUpTest {
    @Test
    void startsAfterItsEpochOnceAndTheThreadEnds() throws Exception {
        ChartWarmUp warmUp = new ChartWarmUp();
        for (int e = 1; e < ChartWarmUp.AFTER_EPOCH; e++) {
            warmUp.onEpochEnd(epoch(e), null);
            assertThat(warmUp.thread()).as("epoch " + e).isNull();
        }
        warmUp.onEpochEnd(epoch(ChartWarmUp.AFTER_EPOCH), null);
        Thread thread = warmUp.thread();
        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).isTrue();
        warmUp.onEpochEnd(epoch(ChartWarmUp.AFTER_EPOCH + 1), null);
        assertThat(warmUp.thread()).isSameAs(thread);
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void theWarmUpChartIsTheLossChartOfItsEpochs() {
        var chart = Charts.loss(java.util.List.of(epoch(1), epoch(2), epoch(3)));
        assertThat(chart.getSeriesCollection()).extracting(s -> s.getName())
                .containsExactly("train loss", "validation loss", "learning rate");
        ChartWarmUp.drawOne();
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    private static EpochResult epoch(int e) {
        return new EpochResult(e, 1.0 / e, 2.0 / e, 0.01, 0.0, Map.of());
    }
}
