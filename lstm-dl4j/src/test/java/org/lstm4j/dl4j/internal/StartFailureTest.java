package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.BackendUnavailableException;

/** What a user sees when ND4J's natives cannot load; the failures are the shapes ND4J M2.1 throws, simulated. */
class StartFailureTest {
    /** JavaCPP's error when libcuda.so is missing, as ND4J wraps it while its Nd4j class initialises. */
    private static Throwable cudaMissing() {
        UnsatisfiedLinkError link = new UnsatisfiedLinkError(
                "no jnicudart in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib\n"
                        + "  at java.base/java.lang.ClassLoader.loadLibrary(ClassLoader.java:2458)");
        RuntimeException nd4j = new RuntimeException("org.nd4j.linalg.factory.Nd4jBackend$NoAvailableBackendException: "
                + "Please ensure that you have an nd4j backend on your classpath.", link);
        return new ExceptionInInitializerError(nd4j);
    }

    @Test
    void aCudaBuildWithoutDriverSaysSoAndHowToGoBack() {
        BackendUnavailableException e = StartFailure.classify(cudaMissing(), true, "linux-x86_64");
        assertThat(e.getMessage())
                .startsWith("no CUDA driver or GPU found: this lstm4j was built for CUDA (-Pcuda)")
                .contains("UnsatisfiedLinkError: no jnicudart in java.library.path")
                .contains("./mvnw -B install -DskipTests (without -Pcuda)")
                .contains("docs/gpu.md")
                .doesNotContain("\n");
        assertThat(e.getCause()).isInstanceOf(ExceptionInInitializerError.class);
    }

    @Test
    void aCpuBuildWithoutItsPlatformNativesNamesThePlatform() {
        Throwable missing = new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j");
        BackendUnavailableException e = StartFailure.classify(missing, false, "linux-arm64");
        assertThat(e.getMessage())
                .startsWith("ND4J's native CPU library could not load on linux-arm64")
                .contains("nd4j-native with the classifier of this platform")
                .doesNotContain("\n");
    }

    @Test
    void aLongReasonIsCutToOneShortLine() {
        String reason = StartFailure.reason(new UnsatisfiedLinkError("x".repeat(500)));
        assertThat(reason).hasSize(160).endsWith("...");
    }

    @Test
    void theReasonWithoutAnyMessageIsTheErrorsName() {
        assertThat(StartFailure.reason(new ExceptionInInitializerError())).isEqualTo("ExceptionInInitializerError");
    }

    @Test
    void thePlatformIsJavaCppsName() {
        assertThat(StartFailure.platform()).matches("[a-z]+-[a-z0-9_]+");
    }

    @Test
    void theCpuBuildHasNoCudaBackend() {
        assertThat(EngineStart.cudaBuild()).isFalse();
    }
}
