package org.lstm4j.api;

/** Samples per optimizer step: a fixed number, or every training window at once ({@code full}). */
public sealed interface BatchSize {

    /** Windows in a batch, given {@code samples} training windows in all. */
    int resolve(int samples);

    /** A batch of {@code size} windows (the last batch of an epoch may be smaller). */
    record Fixed(int size) implements BatchSize {
        public Fixed {
            if (size < 1) {
                throw new IllegalArgumentException("batch_size must be >= 1 or 'full', was " + size);
            }
        }

        @Override
        public int resolve(int samples) {
            return Math.max(1, Math.min(size, samples));
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** One batch holding every training window: the seed's full-batch loop. */
    record Full() implements BatchSize {
        @Override
        public int resolve(int samples) {
            return Math.max(1, samples);
        }

        @Override
        public String toString() {
            return "full";
        }
    }

    static BatchSize of(int size) {
        return new Fixed(size);
    }

    static BatchSize full() {
        return new Full();
    }
}
