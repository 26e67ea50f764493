package org.lstm4j.cli;

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

    /** {@code lstm import} of fixture {@code model}.pt with its experiment and scaler.json into {@code bundle}. */
    public static CliRun importFixture(String model, Path bundle, String... more) {
        List<String> args = new ArrayList<>(List.of("import", DIR.resolve(model + ".pt").toString(),
                "--experiment", DIR.resolve(model + ".yaml").toString(), "--scaler", DIR.resolve("scaler.json").toString(),
                "--output", bundle.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }
}
