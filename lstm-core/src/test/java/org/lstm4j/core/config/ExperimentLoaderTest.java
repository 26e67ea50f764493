package org.lstm4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.SourceSpec;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyData() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        try (var in = getClass().getResourceAsStream("/sunspots.csv")) {
            Files.copy(Objects.requireNonNull(in), dir.resolve("data/sunspots.csv"));
        }
    }

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, text);
        return file;
    }

    private List<ConfigProblem> problems(String text) throws IOException {
        Path file = yaml(text);
        try {
            ExperimentLoader.load(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void fillsEveryDefaultAndResolvesPathsAgainstTheFile() throws IOException {
        ExperimentSpec spec = ExperimentLoader.load(yaml("""
                data:
                  source: {csv: data/sunspots.csv, time_column: YEAR}
                  target: SUNACTIVITY
                training:
                  batch_size: full
                  optimizer: {learning_rate: 0.01}
                """)).spec();
        assertThat(spec.name()).isEqualTo("experiment");
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.data().source()).isEqualTo(new SourceSpec.Csv(dir.resolve("data/sunspots.csv"), "YEAR", ","));
        assertThat(spec.data().window()).isEqualTo(10);
        assertThat(spec.data().inputColumns()).containsExactly("SUNACTIVITY");
        assertThat(spec.model()).isEqualTo(ModelSpec.defaults());
        assertThat(spec.training().batchSize()).isEqualTo(BatchSize.full());
        assertThat(spec.training().optimizer()).isEqualTo(OptimizerSpec.defaults().withLearningRate(0.01));
        assertThat(spec.output().dir()).isEqualTo(dir.resolve("runs"));
    }

    @Test
    void reportsEightMistakesAtOnceEachWithItsLine() throws IOException {
        List<ConfigProblem> problems = problems("""
                version: 1
                data:
                  source: {csv: data/sunspots.csv}
                  target: SUNSPOTS
                  window: 0
                  scaler: {type: zscore}
                model:
                  hiden_size: 32
                  dropout: 1.5
                training:
                  epochs: many
                  batch_size: -3
                  optimizer: {type: adam, learning_rate: -0.1}
                trainig: {}
                """);
        List<String> lines = problems.stream().map(ConfigProblem::toString).toList();
        assertThat(lines).hasSize(9);
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(".*experiment\\.yaml:\\d+:\\d+: [a-z_.\\[\\]0-9]+: .+"));
        assertThat(problems).extracting(ConfigProblem::line).doesNotHaveDuplicates();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":5:").contains("data.window: must be in [1, inf), was 0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":6:").contains("data.scaler.type: 'zscore' is not one of: minmax, standard, robust, none"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":8:").contains("model.hiden_size: unknown key 'hiden_size'; did you mean 'hidden_size'?"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":9:").contains("model.dropout: must be in [0, 1), was 1.5"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":11:").contains("training.epochs: expected an integer, was 'many'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":12:").contains("training.batch_size: expected a positive integer or 'full'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":13:").contains("training.optimizer.learning_rate: must be in (0, 10], was -0.1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":14:").contains("unknown key 'trainig'; did you mean 'training'?"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(":4:")
                .contains("data.target: no column 'SUNSPOTS' in sunspots.csv; its columns are: YEAR, SUNACTIVITY"));
    }

    @Test
    void namesAMissingFile() throws IOException {
        List<ConfigProblem> problems = problems("""
                data:
                  source: {csv: data/nope.csv}
                  target: x
                """);
        assertThat(problems).singleElement().hasToString(dir.resolve("experiment.yaml") + ":2:17: data.source.csv: no such file: "
                + dir.resolve("data/nope.csv"));
    }

    @Test
    void aSyntaxErrorGetsItsLine() throws IOException {
        List<ConfigProblem> problems = problems("""
                data:
                  window: 10
                 horizon: [1
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isBetween(2, 4);
            assertThat(p.message()).startsWith("YAML syntax error");
        });
    }

    @Test
    void aGlobalTagIsRefusedAndInstantiatesNothing() throws IOException {
        Tripwire.constructed = 0;
        List<ConfigProblem> problems = problems("""
                name: !!org.lstm4j.core.config.ExperimentLoaderTest$Tripwire []
                seed: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
                data: {synthetic: {function: sine}}
                """);
        assertThat(Tripwire.constructed).isZero();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("global tag").contains("Tripwire");
        });
    }

    @Test
    void aLocalTagIsRefusedByName() throws IOException {
        List<ConfigProblem> problems = problems("""
                name: !custom x
                data: {synthetic: {function: sine}}
                """);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("is not allowed"));
    }

    @Test
    void recurrentDropoutBindsFromItsKeyAndIsCheckedLikeDropout() throws IOException {
        ExperimentSpec spec = ExperimentLoader.load(yaml("""
                data: {synthetic: {function: sine}}
                model: {num_layers: 1, recurrent_dropout: 0.25}
                """)).spec();
        assertThat(spec.model()).isEqualTo(ModelSpec.defaults().withNumLayers(1).withRecurrentDropout(0.25));
        List<ConfigProblem> problems = problems("""
                data: {synthetic: {function: sine}}
                model:
                  recurrent_dropout: 1.0
                """);
        assertThat(problems).singleElement().asString().contains(":3:")
                .contains("model.recurrent_dropout: must be in [0, 1), was 1.0");
    }

    @Test
    void aMonitorTheRunCannotProduceIsRefusedWithItsLine() throws IOException {
        List<ConfigProblem> problems = problems("""
                data:
                  synthetic: {function: sine}
                  split: {train: 0.8, validation: 0.0, test: 0.2}
                model: {architecture: bilstm, dropout: 0.2}
                training:
                  early_stopping: {patience: 3, monitor: val_loss}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("training.early_stopping.monitor");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("needs a validation part");
        });
    }

    @Test
    void aDuplicateKeyIsAProblem() throws IOException {
        List<ConfigProblem> problems = problems("""
                data: {synthetic: {function: sine}}
                seed: 1
                seed: 2
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("duplicate key (first at line 2)");
        });
    }

    @Test
    void splitMustSumToOne() throws IOException {
        List<ConfigProblem> problems = problems("""
                data:
                  synthetic: {function: sine}
                  split: {train: 0.8, validation: 0.3, test: 0.1}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("data.split");
            assertThat(p.message()).contains("train + validation + test must be 1");
        });
    }

    @Test
    void theWrittenExperimentReadsBackEqual() throws IOException {
        ExperimentSpec spec = ExperimentLoader.load(yaml("""
                name: round-trip
                data:
                  source: {csv: data/sunspots.csv, time_column: YEAR}
                  target: SUNACTIVITY
                  scaler: {type: robust}
                training:
                  epochs: 3
                  batch_size: 16
                  optimizer: {type: rmsprop, learning_rate: 1.0e-3, epsilon: 1.0e-7}
                tuning:
                  parameters: {model.hidden_size: [8, 16], training.optimizer.learning_rate: [0.01, 0.001]}
                """)).spec();
        String written = SpecWriter.toYaml(spec);
        ExperimentSpec again = ExperimentLoader.bind(written, "written.yaml", dir, "x").spec();
        assertThat(again).isEqualTo(spec);
        ExperimentSpec withScheduler = spec.withTraining(spec.training().withEpochs(1000));
        assertThat(ExperimentLoader.bind(SpecWriter.toYaml(withScheduler), "w.yaml", dir, "x").spec()).isEqualTo(withScheduler);
    }

    @Test
    void variantsBindByTypeWithTheirDefaults() {
        ExperimentSpec spec = ExperimentLoader.bind("""
                data: {synthetic: {function: sine}}
                training: {scheduler: {type: cosine, t_max: 50}}
                """, "s.yaml", dir, "x").spec();
        assertThat(spec.training().scheduler()).isEqualTo(new SchedulerSpec.Cosine(50, 0.0, 0));
        Set<String> paths = assertProblems("""
                training: {scheduler: {type: linear}, gradient_clipping: {type: norm, max_norm: 0}}
                """);
        assertThat(paths).containsExactlyInAnyOrder("training.scheduler.type", "training.gradient_clipping.max_norm");
    }

    @Test
    void tuningCandidatesThatYamlTagsAsNumbersButJavaCannotParseAreProblemsAndYesIsTrue() {
        // found by ExperimentYamlFuzzTest: YAML 1.1 reads 2:28 as a base-60 integer, which Long.parseLong does not
        try {
            ExperimentLoader.bind("data: {synthetic: {function: sine}}\ntuning:\n  parameters: {model.hidden_size: [8, 2:28]}\n",
                    "t.yaml", dir, "x");
            org.assertj.core.api.Assertions.fail("bound");
        } catch (ConfigException e) {
            assertThat(e.problems()).singleElement().asString().isEqualTo("t.yaml:3:39: tuning.parameters.model.hidden_size: not a number: '2:28'");
        }
        ExperimentSpec spec = ExperimentLoader.bind("data: {synthetic: {function: sine}}\ntuning:\n  parameters: {training.shuffle: [yes, off]}\n",
                "t.yaml", dir, "x").spec();
        assertThat(spec.tuning().parameters().get("training.shuffle")).containsExactly(true, false);
    }

    private Set<String> assertProblems(String text) {
        try {
            ExperimentLoader.bind(text, "p.yaml", dir, "x");
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::path).collect(Collectors.toSet());
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> ExperimentLoader.bind("- a\n- b\n", "list.yaml", dir, "x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("list.yaml:1:1").hasMessageContaining("mapping of keys");
    }

    /** Counts instantiations: a YAML tag naming it must never construct it. */
    public static final class Tripwire {
        static int constructed;

        public Tripwire() {
            constructed++;
        }
    }

    @Test
    void threadsBindAndAreRefusedOutOfRange() throws IOException {
        ExperimentSpec spec = ExperimentLoader.load(yaml("""
                data:
                  synthetic: {function: sine}
                training: {threads: 2}
                """)).spec();
        assertThat(spec.training().threads()).isEqualTo(2);
        assertThat(ExperimentLoader.load(yaml("""
                data:
                  synthetic: {function: sine}
                """)).spec().training().threads()).isZero();
        Path bad = yaml("""
                data:
                  synthetic: {function: sine}
                training: {threads: -1}
                """);
        assertThatThrownBy(() -> ExperimentLoader.load(bad)).hasMessageContaining("training.threads: must be in [0, 1024], was -1");
    }
}
