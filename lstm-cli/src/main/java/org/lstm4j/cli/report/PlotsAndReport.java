package org.lstm4j.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.RunArtifact;

/**
 * {@code loss.png}, {@code forecast.png} and {@code report.html} (one self-contained page, images
 * embedded) for a run directory; used when {@code output.plots} is true.
 */
public final class PlotsAndReport implements RunArtifact {
    /** The report's file name in the run directory. */
    public static final String REPORT = "report.html";

    @Override
    public void write(ExperimentResult result, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        byte[] loss = png(Charts.loss(result.training()));
        byte[] forecast = png(Charts.forecast(result.testForecast()));
        Files.write(directory.resolve("loss.png"), loss);
        Files.write(directory.resolve("forecast.png"), forecast);
        String experiment = Files.readString(directory.resolve("experiment.yaml"), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(REPORT), HtmlReport.render(result, experiment, loss, forecast), StandardCharsets.UTF_8);
    }

    private static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
