package org.lstm4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.MetricsTree;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.PreparedData;
import org.lstm4j.core.Scorecard;
import org.lstm4j.data.DataException;
import org.lstm4j.data.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm evaluate BUNDLE [--input CSV] [--json]}: the metrics table of a bundle, beside the baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a model bundle beside the naive baselines, in the data's units, with the bundle's own fitted "
                + "scalers: on the test part of its experiment's data (the table lstm train printed), or on every window "
                + "of another CSV file with the same columns.")
final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a model bundle (model.zip of lstm train, or an imported one)")
    private Path bundle;

    @Option(names = {"-i", "--input"}, paramLabel = "CSV",
            description = "score every window of this CSV file instead of the experiment's test part")
    private Path input;

    @Option(names = "--json", description = "print the numbers as JSON (the keys of metrics.json) instead of the table")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /**
     * The series scored and how to name it.
     *
     * @param name   the CSV file read, or the synthetic series
     * @param series the used columns
     */
    private record Data(String name, Series series) {}

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String dataName = testPart() ? bundle.toString() : input.toString();
        try {
            LoadedModel model = ModelBundle.load(bundle);
            try (TrainedModel network = model.model()) {
                Optional<Data> data = testPart() ? experimentData(model.spec(), err)
                        : Optional.of(new Data(input.toString(), BundleData.read(input, model.spec().data())));
                if (data.isEmpty()) {
                    return LstmCommand.BAD_INPUT;
                }
                dataName = data.get().name();
                Scorecard scorecard = testPart() ? model.evaluateTestPart(data.get().series()) : model.evaluateAll(data.get().series());
                if (json) {
                    out.println(JSON.writeValueAsString(tree(dataName, scorecard)));
                } else {
                    print(dataName, scorecard, model.spec(), out);
                }
                out.flush();
                return LstmCommand.OK;
            }
        } catch (BundleException | DataException e) {
            err.println("lstm evaluate: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } catch (ExperimentException e) {
            err.println("lstm evaluate: " + dataName + ": " + e.detail());
            return LstmCommand.BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    /** The experiment's own series: its CSV file where it is found, or its synthetic series generated again. */
    private Optional<Data> experimentData(ExperimentSpec experiment, PrintWriter err) {
        DataSpec data = experiment.data();
        if (data.source() instanceof SourceSpec.Csv csv) {
            Optional<Path> found = BundleData.locate(bundle, csv);
            if (found.isEmpty()) {
                List<Path> looked = BundleData.candidates(bundle, csv);
                String beside = looked.stream().skip(1).map(Path::toString).collect(Collectors.joining(" or "));
                err.println("lstm evaluate: " + bundle + ": the data it was trained on, " + csv.csv() + ", is not found"
                        + (beside.isEmpty() ? "" : ", nor is " + beside + " beside the bundle; put it there")
                        + ", or give --input CSV to score every window of a CSV with the columns " + columns(data, csv));
                return Optional.empty();
            }
            return Optional.of(new Data(found.get().toString(),
                    PreparedData.load(data.withSource(csv.withCsv(found.get())), experiment.seed())));
        }
        return Optional.of(new Data("its synthetic series (seed " + experiment.seed() + ")", PreparedData.load(data, experiment.seed())));
    }

    private static String columns(DataSpec data, SourceSpec.Csv csv) {
        List<String> columns = new ArrayList<>();
        if (csv.timeColumn() != null) {
            columns.add(csv.timeColumn());
        }
        columns.addAll(PreparedData.usedColumns(data));
        return String.join(", ", columns);
    }

    /** Whether the experiment's test part is scored (no {@code --input}). */
    private boolean testPart() {
        return input == null;
    }

    private void print(String dataName, Scorecard scorecard, ExperimentSpec experiment, PrintWriter out) {
        out.println("evaluating " + bundle + (testPart() ? " on the test part of " : " on every window of ") + dataName);
        String season = experiment.evaluation().seasonLength() > 0 ? "evaluation.season_length"
                : testPart() ? "detected on the train part" : "detected on the input";
        ResultTable.metrics(scorecard, testPart() ? "test metrics" : "metrics", season, out);
        ResultTable.lagWarning(scorecard.evaluation(), out);
    }

    /** The numbers as {@code metrics.json} has them, the part's metrics under {@code test} or {@code input}. */
    private Map<String, Object> tree(String dataName, Scorecard scorecard) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("bundle", bundle.toString());
        tree.put("data", dataName);
        tree.put("windows", scorecard.windows());
        tree.put(testPart() ? "test" : "input", MetricsTree.part(scorecard.evaluation()));
        tree.put("baselines", MetricsTree.baselines(scorecard.evaluation()));
        tree.put("season_length", scorecard.seasonLength());
        tree.put("diagnostics", MetricsTree.diagnostics(scorecard.evaluation()));
        return tree;
    }
}
