/**
 * Early stopping, learning-rate schedules and hyper-parameter search, backend-independent.
 *
 * <ul>
 *   <li>{@link org.lstm4j.tuning.EarlyStopping}: Keras' {@code EarlyStopping} as a
 *       {@link org.lstm4j.api.TrainingListener}; {@link org.lstm4j.tuning.EarlyStopping#problem} refuses a
 *       monitor the run cannot produce before training starts.</li>
 *   <li>{@link org.lstm4j.tuning.ReduceLrOnPlateau}: PyTorch's {@code ReduceLROnPlateau};
 *       {@link org.lstm4j.tuning.CosineAnnealing} and {@link org.lstm4j.tuning.StepDecay}: PyTorch's
 *       {@code CosineAnnealingLR} and {@code StepLR} closed forms as pure functions of the 1-based epoch,
 *       applied by {@link org.lstm4j.tuning.ScheduleListener}; {@link org.lstm4j.tuning.LinearWarmUp} for
 *       {@code warmup_epochs}; {@link org.lstm4j.tuning.Schedulers#forSpec} picks the listener for a spec.</li>
 *   <li>{@link org.lstm4j.tuning.ParameterGrid} (grid and random assignments),
 *       {@link org.lstm4j.tuning.Search} (parallel trials through a {@link org.lstm4j.tuning.TrialRunner},
 *       {@code trials.csv}, resume), {@link org.lstm4j.tuning.SearchResult} and
 *       {@link org.lstm4j.tuning.RankedTable}.</li>
 * </ul>
 *
 * <p>Epochs are 1-based everywhere, as in {@link org.lstm4j.api.EpochResult#epoch()}; epoch {@code e} is
 * PyTorch's {@code last_epoch = e - 1} and Keras' {@code epoch = e - 1}.
 */
package org.lstm4j.tuning;
