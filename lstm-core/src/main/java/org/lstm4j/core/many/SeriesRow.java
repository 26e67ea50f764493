package org.lstm4j.core.many;

import java.io.Serializable;
import java.util.Objects;
import org.lstm4j.core.ExperimentResult;

/**
 * One series' line of {@code metrics.csv}: test-part metrics of the model and of the naive forecast on the same
 * windows, in the series' own units ({@code NaN} when not trained or not computable).
 *
 * @param id        the series id, as in the file
 * @param directory its directory name under {@code series/} ({@link SeriesDirectories})
 * @param status    trained, skipped or failed
 * @param rows      the series' rows in the file
 * @param rmse      the model's test RMSE
 * @param mae       the model's test MAE
 * @param mase      the model's test MASE
 * @param naiveRmse the naive forecast's test RMSE
 * @param naiveMae  the naive forecast's test MAE
 * @param skill     {@code 1 - rmse / naive_rmse}: above 0 beats the naive forecast
 * @param epochs    epochs trained (0 when not trained)
 * @param error     why it was skipped or failed; empty when trained
 */
public record SeriesRow(String id, String directory, SeriesStatus status, int rows, double rmse, double mae, double mase,
                        double naiveRmse, double naiveMae, double skill, int epochs, String error) implements Serializable {
    public SeriesRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
    }

    /** The row of a trained series. */
    public static SeriesRow trained(String id, String directory, int rows, ExperimentResult result) {
        var test = result.test();
        var naive = test.baselines().get("naive");
        return new SeriesRow(id, directory, SeriesStatus.TRAINED, rows, test.model().rmse(), test.model().mae(),
                test.mase(test.model()), naive.rmse(), naive.mae(), test.skillVsNaive(), result.training().epochsRun(), "");
    }

    /** The row of a series that was not trained, with the reason. */
    public static SeriesRow notTrained(String id, String directory, SeriesStatus status, int rows, String reason) {
        return new SeriesRow(id, directory, status, rows, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, reason);
    }

    /** Whether it beat the naive forecast on its test part (a finite skill above 0). */
    public boolean beatsNaive() {
        return status == SeriesStatus.TRAINED && Double.isFinite(skill) && skill > 0;
    }
}
