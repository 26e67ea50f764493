package org.lstm4j.cli.report;

import java.awt.Color;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.core.Forecast;

/** The run's charts, drawn with XChart. */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private Charts() {}

    /** Train and validation loss per epoch on a log scale, the learning rate on a second axis. */
    static XYChart loss(TrainingResult training) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Loss").xAxisTitle("epoch").yAxisTitle("loss (scaled units)").build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisLogarithmic(true);
        List<EpochResult> history = training.history().stream()
                .filter(e -> e.trainLoss() > 0 && Double.isFinite(e.trainLoss())).toList();
        if (history.isEmpty()) {
            return chart;
        }
        double[] epochs = history.stream().mapToDouble(EpochResult::epoch).toArray();
        line(chart, "train loss", epochs, history.stream().mapToDouble(EpochResult::trainLoss).toArray(), new Color(31, 119, 180));
        if (history.stream().allMatch(e -> e.valLoss() > 0 && Double.isFinite(e.valLoss()))) {
            line(chart, "validation loss", epochs, history.stream().mapToDouble(EpochResult::valLoss).toArray(), new Color(255, 127, 14));
        }
        XYSeries rate = line(chart, "learning rate", epochs, history.stream().mapToDouble(EpochResult::learningRate).toArray(),
                new Color(120, 120, 120));
        rate.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "learning rate");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return chart;
    }

    /** The test part's actual values, the model's forecasts and the naive forecasts (first horizon step). */
    static XYChart forecast(Forecast forecast) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Test part: one step ahead")
                .xAxisTitle(numericLabels(forecast) ? "time" : "test window").yAxisTitle("value").build();
        style(chart);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        double[] x = numericLabels(forecast)
                ? java.util.Arrays.stream(forecast.labels()).mapToDouble(Double::parseDouble).toArray()
                : IntStream.range(0, forecast.size()).asDoubleStream().toArray();
        line(chart, "actual", x, firstStep(forecast.actual()), Color.BLACK);
        line(chart, "model", x, firstStep(forecast.predicted()), new Color(31, 119, 180));
        XYSeries naive = line(chart, "naive", x, firstStep(forecast.naive()), new Color(214, 39, 40));
        naive.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 4f}, 0f));
        return chart;
    }

    private static boolean numericLabels(Forecast forecast) {
        for (String label : forecast.labels()) {
            try {
                Double.parseDouble(label);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return forecast.size() > 0;
    }

    private static double[] firstStep(double[][] values) {
        return java.util.Arrays.stream(values).mapToDouble(row -> row[0]).toArray();
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        return series;
    }

    private static void style(XYChart chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setAntiAlias(true);
    }
}
