/**
 * From a file (or a generated function) to training samples, and back to numbers a user reads.
 *
 * <p>The steps, in order: {@link org.lstm4j.data.CsvSeriesReader} or {@link org.lstm4j.data.SyntheticSeries}
 * give a {@link org.lstm4j.data.Series}, with missing values handled by
 * {@link org.lstm4j.data.MissingValues}; {@link org.lstm4j.data.ChronologicalSplit} cuts it into train,
 * validation and test rows; {@link org.lstm4j.data.Scaler} fits a {@link org.lstm4j.data.FittedScaler} on
 * the train rows only; {@link org.lstm4j.data.WindowedDataset} serves windows of the scaled series without
 * copying it; {@link org.lstm4j.data.Metrics} and {@link org.lstm4j.data.Baselines} judge forecasts in the
 * units of the data.
 *
 * <p>Bad input is reported as a {@link org.lstm4j.data.DataException} naming the file, line and column.
 */
package org.lstm4j.data;
