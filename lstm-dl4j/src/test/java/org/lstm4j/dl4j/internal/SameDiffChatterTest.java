package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;

/** ND4J's "Added differentiated op" lines stay off System.out; everything else gets through. */
class SameDiffChatterTest {

    @Test
    void dropsOnlySameDiffsLinesAndRestoresSystemOut() {
        String out = capture(() -> SameDiffChatter.suppress(() -> {
            System.out.println("Added differentiated op matmul");
            System.out.println("progress 50%");
        }));
        assertThat(out).isEqualTo("progress 50%" + System.lineSeparator());
    }

    @Test
    void trainingAnAttentionNetworkPrintsNothing() {
        SineWindows data = SineWindows.of(40, 6, 1);
        ModelSpec attention = TestSpecs.model().withArchitecture(ModelSpec.Architecture.ATTENTION).withHiddenSize(4);
        String out = capture(() -> new Dl4jTrainer(SampleShape.of(data), attention, TestSpecs.training(1), 1)
                .fit(data, null, null));
        assertThat(out).doesNotContain(SameDiffChatter.PREFIX);
        // without the filter, the same training does print them: the test can see them
        String unfiltered = capture(() -> {
            var net = NetworkFactory.build(SampleShape.of(data), attention, TestSpecs.training(1), 1);
            var batch = new Batches(data).dataSet(null, 0, 8);
            net.setInputs(batch.getFeatures());
            net.setLabels(batch.getLabels());
            net.computeGradientAndScore();
        });
        assertThat(unfiltered).contains(SameDiffChatter.PREFIX);
    }

    private static String capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capturing = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capturing);
        try {
            action.run();
            assertThat(System.out).as("System.out restored after the action").isSameAs(capturing);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
