package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.WindowCodec;

/**
 * The server's request decoding on any body, for a model whose windows carry an extra step and an appended target
 * (the {@code diff} bundle): a request of whole windows of finite values, or the documented {@link HttpError} 400;
 * never another exception (which the server would answer with 500), a hang or unbounded memory.
 */
class InferRequestFuzzTest {
    private static final WindowCodec CODEC = codec();

    @FuzzTest(maxDuration = "5m")
    void decodesWholeWindowsOrAnswers400(byte[] body) {
        try {
            InferRequest request = InferRequest.parse(body, CODEC);
            assertThat(request.windows()).isPositive();
            assertThat(request.values()).hasSize(request.windows() * CODEC.steps() * CODEC.columns().size());
            for (double value : request.values()) {
                assertThat(Double.isFinite(value)).isTrue();
            }
        } catch (HttpError expected) {
            assertThat(expected.status()).isEqualTo(400);
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static WindowCodec codec() {
        LoadedModel model = ModelBundle.load(TrainedBundles.DIFF);
        model.model().close();
        return WindowCodec.of(model);
    }
}
