package org.lstm4j.cli.bench;

/**
 * How long each workload runs.
 *
 * @param sineEpochs         sine: epochs (the median skips the first {@code min(10, epochs / 2)})
 * @param largeBatchSize     large: windows per batch
 * @param largeBatches       large: batches per epoch
 * @param largeEpochs        large: epochs (the median skips the first)
 * @param latencyWarmup      infer: one-window predictions before timing
 * @param latencyCalls       infer: timed one-window predictions
 * @param throughputBatch    infer: windows per throughput call
 * @param throughputWarmup   infer: throughput calls before timing
 * @param throughputCalls    infer: timed throughput calls
 */
record Settings(int sineEpochs, int largeBatchSize, int largeBatches, int largeEpochs, int latencyWarmup,
                int latencyCalls, int throughputBatch, int throughputWarmup, int throughputCalls) {

    /** The sizes of {@code torch_bench.py}. */
    static final Settings FULL = new Settings(100, 256, 20, 4, 300, 3000, 1024, 2, 10);

    /** Tiny sizes for tests ({@code --quick}): the figures are printed but measure nothing useful. */
    static final Settings QUICK = new Settings(3, 16, 2, 2, 5, 20, 64, 1, 2);
}
