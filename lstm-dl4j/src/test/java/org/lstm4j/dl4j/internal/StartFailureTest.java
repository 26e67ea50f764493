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
        BackendUnavailableException e = StartFailure.classify(cudaMissing(), "", true, "linux-x86_64");
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
        BackendUnavailableException e = StartFailure.classify(missing, "", false, "linux-arm64");
        assertThat(e.getMessage())
                .startsWith("ND4J's native CPU library could not load on linux-arm64")
                .contains("nd4j-native with the classifier of this platform")
                .doesNotContain("\n");
    }

    /** The first lines ND4J M2.1's CUDA backend printed on this machine (no NVIDIA driver), from {@code lstm info}. */
    private static final String PRINTED_WITHOUT_DRIVER = """
            java.lang.UnsatisfiedLinkError: /root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open shared object file: No such file or directory
            \tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)
            \tat org.bytedeco.javacpp.Loader.loadLibrary(Loader.java:1747)
            \tat org.nd4j.linalg.jcublas.JCublasBackend.canRun(JCublasBackend.java:66)
            """;

    @Test
    void theCauseNd4jPrintedBeatsItsGenericException() {
        Throwable generic = new ExceptionInInitializerError(new RuntimeException(
                "Please ensure that you have an nd4j backend on your classpath."));
        BackendUnavailableException e = StartFailure.classify(generic, PRINTED_WITHOUT_DRIVER, true, "linux-x86_64");
        assertThat(e.getMessage()).contains("(UnsatisfiedLinkError: libjnicudart.so: libcuda.so.1: cannot open shared "
                + "object file: No such file or directory)").doesNotContain("/root").doesNotContain("\n");
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
