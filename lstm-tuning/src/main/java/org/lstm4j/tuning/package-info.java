/**
 * Early stopping, learning-rate schedules and hyper-parameter search, as
 * {@link org.lstm4j.api.TrainingListener}s that work with any backend. Not built yet: see the
 * project's tuning issue. Until then the DSL's {@code training.scheduler},
 * {@code training.early_stopping} and {@code lstm tune} are refused with a message naming the key.
 */
package org.lstm4j.tuning;
