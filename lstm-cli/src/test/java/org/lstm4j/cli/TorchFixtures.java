package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch fixtures written by {@code bench/torch_import/make_fixtures.py}, for the tests of {@code lstm import} and of
 * what its bundles do. Public for the tests of the command's subpackages.
 */
public final class TorchFixtures {
    /** Where they are, seen from the module's directory. */
    public static final Path DIR = Path.of("../bench/torch_import");
    /** Relative tolerance against PyTorch's forecasts in the data's units. */
    public static final double RELATIVE = 1e-5;

    private TorchFixtures() {}

    /** PyTorch's forecast after data.csv's last row for fixture {@code model}, in the data's units. */
    public static double[] torchForecast(String model) throws IOException {
        JsonNode forecast = new ObjectMapper().readTree(DIR.resolve("outputs.json").toFile()).at("/models/" + model + "/forecast");
        double[] values = new double[forecast.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = forecast.get(i).asDouble();
        }
        return values;
    }

    /**
     * Asserts that {@code forecast}, in the data's units, is PyTorch's forecast for fixture {@code model} (its first
     * {@code forecast.length} steps) within {@link #RELATIVE}, and prints the largest relative difference.
     *
     * @param what what computed it, for the messages ({@code lstm predict})
     */
    public static void assertForecastsAsPyTorch(double[] forecast, String model, String what) throws IOException {
        double[] expected = torchForecast(model);
        assertThat(forecast.length).as("%s: steps", what).isBetween(1, expected.length);
        double worst = 0;
        for (int k = 0; k < forecast.length; k++) {
            assertThat(forecast[k]).as("%s, %s step %d", what, model, k + 1).isCloseTo(expected[k], withinPercentage(100 * RELATIVE));
            worst = Math.max(worst, Math.abs(forecast[k] - expected[k]) / Math.abs(expected[k]));
        }
        System.out.printf("%s: %s vs PyTorch, max relative difference %.3g%n", model, what, worst);
    }

    /** {@code lstm import} of fixture {@code model}.pt with its experiment and scaler.json into {@code bundle}. */
    public static CliRun importFixture(String model, Path bundle, String... more) {
        List<String> args = new ArrayList<>(List.of("import", DIR.resolve(model + ".pt").toString(),
                "--experiment", DIR.resolve(model + ".yaml").toString(), "--scaler", DIR.resolve("scaler.json").toString(),
                "--output", bundle.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }
}
