package org.lstm4j.spark;

import org.apache.spark.Partitioner;

/**
 * Puts the rows of series {@code k} (the key, the series' index) in partition {@code k}: exactly one series per
 * partition, so one Spark task per series, whatever adaptive execution would coalesce.
 */
final class OnePartitionPerSeries extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int series;

    OnePartitionPerSeries(int series) {
        if (series < 1) {
            throw new IllegalArgumentException("at least one series, was " + series);
        }
        this.series = series;
    }

    @Override
    public int numPartitions() {
        return series;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OnePartitionPerSeries p && p.series == series;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(series);
    }
}
