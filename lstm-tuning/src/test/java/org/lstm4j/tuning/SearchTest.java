package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
    private static final List<Map<String, Object>> GRID = new ParameterGrid(ParameterGridTest.twoByTwoByTwo()).all();

    @TempDir
    Path dir;

    /** A distinct metric per assignment: smaller for bigger networks and the larger rate. */
    static double metricOf(Map<String, Object> a) {
        return 1.0 / ((Integer) a.get("model.hidden_size") * (Integer) a.get("model.num_layers"))
                + (Double) a.get("training.optimizer.learning_rate");
    }

    /** Records every call. */
    static final class Recording implements TrialRunner {
        final List<Integer> numbers = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> assignments = new CopyOnWriteArrayList<>();
        final List<Path> directories = new CopyOnWriteArrayList<>();

        @Override
        public TrialOutcome run(int trialNumber, Map<String, Object> assignment, Path trialDirectory) throws Exception {
            numbers.add(trialNumber);
            assignments.add(assignment);
            directories.add(trialDirectory);
            return new TrialOutcome(metricOf(assignment), 10 + trialNumber);
        }
    }

    private Search search(int parallelism, TrialRunner runner) {
        return new Search(dir, "val_rmse", parallelism, runner);
    }

    private List<String> csvLines() throws IOException {
        return Files.readAllLines(dir.resolve(Search.TRIALS_FILE));
    }

    @Test
    void aTwoByTwoByTwoGridRunsEightTrialsInOrderEachInItsDirectory() throws Exception {
        Recording runner = new Recording();

        SearchResult result = search(1, runner).run(GRID);

        assertThat(runner.numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(runner.assignments).containsExactlyElementsOf(GRID);
        assertThat(runner.directories.get(6)).isEqualTo(dir.resolve("trial-007"));
        assertThat(dir.resolve("trial-007")).as("left to the runner, which writes it whole").doesNotExist();
        assertThat(result.trials()).hasSize(8);
        assertThat(result.trialsRun()).isEqualTo(8);
        assertThat(result.trialsSkipped()).isZero();
    }

    @Test
    void trialsAreRankedByMetricAndTheBestIsFirst() throws Exception {
        SearchResult result = search(1, new Recording()).run(GRID);

        List<Double> metrics = result.trials().stream().map(TrialResult::metric).toList();
        assertThat(metrics).isSorted();
        // 64 units x 2 layers at rate 0.001 is trial 8
        assertThat(result.best()).get().extracting(TrialResult::trial).isEqualTo(8);
        assertThat(result.best().get().assignment()).isEqualTo(GRID.get(7));
    }

    @Test
    void trialsCsvHasOneRowPerTrialAndOneColumnPerParameter() throws Exception {
        search(1, new Recording()).run(GRID);

        List<String> lines = csvLines();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo(
                "trial,model.hidden_size,model.num_layers,training.optimizer.learning_rate,val_rmse,epochs_run,seconds,status,error");
        assertThat(lines.get(1)).matches("1,32,1,0\\.01," + java.util.regex.Pattern.quote(Double.toString(metricOf(GRID.get(0))))
                + ",11,\\d+\\.\\d{3},ok,");
        assertThat(lines.get(8)).startsWith("8,64,2,0.001,").endsWith(",ok,");
    }

    @Test
    void parallelismTwoRunsTwoTrialsAtOnce() throws Exception {
        CyclicBarrier pair = new CyclicBarrier(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TrialRunner runner = (n, a, d) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                pair.await(20, TimeUnit.SECONDS);   // times out unless another trial runs at the same time
                return new TrialOutcome(metricOf(a), 1);
            } finally {
                running.decrementAndGet();
            }
        };

        SearchResult result = search(2, runner).run(GRID.subList(0, 4));

        assertThat(result.failed()).isEmpty();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aFailedTrialIsRecordedAndTheSearchGoesOn() throws Exception {
        TrialRunner runner = (n, a, d) -> {
            if (n == 2) {
                throw new IllegalStateException("diverged in epoch 3, loss NaN");
            }
            if (n == 5) {
                return new TrialOutcome(Double.NaN, 4);
            }
            return new TrialOutcome(metricOf(a), 10);
        };

        SearchResult result = search(2, runner).run(GRID);

        assertThat(result.trials()).hasSize(8);
        assertThat(result.failed()).extracting(TrialResult::trial).containsExactly(2, 5);
        assertThat(result.failed()).extracting(TrialResult::error)
                .containsExactly("diverged in epoch 3, loss NaN", "val_rmse is NaN");
        assertThat(result.trials().subList(6, 8)).allMatch(t -> !t.ok());
        assertThat(result.best()).get().extracting(TrialResult::trial).isEqualTo(8);
        assertThat(csvLines()).filteredOn(l -> l.startsWith("2,")).singleElement().asString()
                .endsWith(",failed,\"diverged in epoch 3, loss NaN\"");
    }

    @Test
    void resumeSkipsFinishedTrialsAndRerunsFailedOnes() throws Exception {
        TrialRunner failsOnThree = (n, a, d) -> {
            if (n == 3) {
                throw new RuntimeException("out of memory,\nsay");
            }
            return new TrialOutcome(metricOf(a), 10);
        };
        search(1, failsOnThree).run(GRID);

        Recording again = new Recording();
        SearchResult second = search(2, again).run(GRID);

        assertThat(again.numbers).containsExactly(3);
        assertThat(again.assignments).containsExactly(GRID.get(2));
        assertThat(second.trialsRun()).isEqualTo(1);
        assertThat(second.trialsSkipped()).isEqualTo(7);
        assertThat(second.failed()).isEmpty();
        assertThat(csvLines()).hasSize(9);

        Recording third = new Recording();
        SearchResult last = search(1, third).run(GRID);
        assertThat(third.numbers).isEmpty();
        assertThat(last.trials()).extracting(TrialResult::trial, TrialResult::assignment, TrialResult::metric)
                .isEqualTo(second.trials().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.trial(), t.assignment(), t.metric())).toList());
    }

    @Test
    void resumeAfterACrashRunsOnlyWhatIsMissing() throws Exception {
        search(1, new Recording()).run(GRID.subList(0, 3));   // the first run "crashed" after three trials

        Recording again = new Recording();
        SearchResult result = search(1, again).run(GRID);

        assertThat(again.numbers).containsExactly(4, 5, 6, 7, 8);
        assertThat(result.trials()).extracting(TrialResult::trial).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void resumeMatchesByAssignmentNotByNumber() throws Exception {
        search(1, new Recording()).run(GRID);
        List<Map<String, Object>> reversed = new ArrayList<>(GRID);
        Collections.reverse(reversed);

        Recording again = new Recording();
        SearchResult result = search(1, again).run(reversed);

        assertThat(again.numbers).isEmpty();
        assertThat(result.best()).get().extracting(TrialResult::trial).isEqualTo(8);
    }

    @Test
    void aNewAssignmentNeverTakesTheNumberOfAnEarlierTrial() throws Exception {
        search(1, new Recording()).run(GRID.subList(4, 8));    // trials 1..4 hold the 64-unit assignments

        Recording again = new Recording();
        search(1, again).run(GRID);                            // the 32-unit ones are new

        assertThat(again.assignments).containsExactlyElementsOf(GRID.subList(0, 4));
        assertThat(again.numbers).containsExactly(9, 10, 11, 12);
    }

    @Test
    void trialsCsvIsCompleteAfterEveryFinishedTrial() throws Exception {
        List<Integer> rowsSeen = new CopyOnWriteArrayList<>();
        search(2, new Recording()).onTrialFinished(t -> {
            try {
                rowsSeen.add(csvLines().size() - 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).run(GRID);

        assertThat(rowsSeen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void extraNumbersAreWrittenAndReadBack() throws Exception {
        TrialRunner runner = (n, a, d) -> new TrialOutcome(metricOf(a), 5, Map.of("test_rmse", n * 0.5));
        search(1, runner).run(GRID.subList(0, 2));

        assertThat(csvLines().get(0)).contains(",val_rmse,test_rmse,epochs_run,");
        SearchResult resumed = search(1, new Recording()).run(GRID.subList(0, 2));
        assertThat(resumed.trials()).extracting(t -> t.extra().get("test_rmse")).containsExactlyInAnyOrder(0.5, 1.0);
    }

    @Test
    void aTrialsCsvOfAnotherSearchIsRefused() throws Exception {
        search(1, new Recording()).run(GRID);

        assertThatThrownBy(() -> new Search(dir, "val_mae", 1, new Recording()).run(GRID))
                .isInstanceOf(IOException.class).hasMessageContaining("written by another search");
    }

    @Test
    void theRankedTableListsTheBestFirstAndFailuresLast() throws Exception {
        TrialRunner runner = (n, a, d) -> {
            if (n == 1) {
                throw new IllegalStateException("diverged");
            }
            return new TrialOutcome(metricOf(a), 10);
        };
        String table = search(1, runner).run(GRID).format();

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).matches("rank  trial  model.hidden_size  model.num_layers  training.optimizer.learning_rate"
                + "\\s+val_rmse  epochs  seconds  status");
        assertThat(lines.get(1)).matches("[- ]+");
        assertThat(lines.get(2)).matches("\\s+1\\s+8\\s+64\\s+2\\s+0\\.001\\s+0\\.0088125\\s+10\\s+\\d+\\.\\d\\s+ok");
        assertThat(lines.get(9)).matches("\\s+-\\s+1\\s+32\\s+1\\s+0\\.01\\s+0\\s+\\d+\\.\\d\\s+failed: diverged");
    }

    @Test
    void threadsAreSharedBetweenConcurrentTrials() {
        assertThat(Search.threadsPerTrial(8, 2)).isEqualTo(4);
        assertThat(Search.threadsPerTrial(16, 3)).isEqualTo(5);
        assertThat(Search.threadsPerTrial(3, 2)).isEqualTo(1);
        assertThat(Search.threadsPerTrial(1, 4)).isEqualTo(1);
    }

    @Test
    void repeatedAssignmentsAreRefused() {
        assertThatThrownBy(() -> search(1, new Recording()).run(List.of(GRID.get(0), GRID.get(0))))
                .hasMessageContaining("assignment 2 repeats an earlier one");
    }
}
