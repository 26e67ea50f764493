package org.lstm4j.cli.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PyTorch reference: {@code bench/torch_bench.py} (a verbatim copy of the shared reference script) for the four
 * workloads, {@code bench/torch_startup.py} for start-up, each in its own Python process with
 * {@code OMP_NUM_THREADS} and {@code torch.set_num_threads} set to the thread count.
 */
final class TorchReference {
    static final String BENCH_SCRIPT = "torch_bench.py";
    static final String STARTUP_SCRIPT = "torch_startup.py";

    /** Single-thread GEMM below this (GFLOP/s) means PyTorch runs on a slow BLAS, e.g. Debian's reference libblas3. */
    static final double SLOW_GEMM_GFLOPS_PER_THREAD = 20;

    /** Times a 512 x 512 float matrix product on the asked threads; prints torch's version and GFLOP/s. */
    private static final String PROBE = """
            import json, sys, time, numpy, torch
            torch.set_num_threads(int(sys.argv[1])); a = torch.rand(512, 512); b = torch.rand(512, 512)
            for _ in range(3): a @ b
            n = 0; t0 = time.perf_counter()
            while n < 5 or time.perf_counter() - t0 < 0.2:
                a @ b; n += 1
            print(json.dumps({"torch": torch.__version__, "gemm_gflops": 2 * 512 ** 3 * n / (time.perf_counter() - t0) / 1e9}))
            """;

    private final String python;
    private final Path directory;
    private final String version;
    private final double gemmGflops;

    private TorchReference(String python, Path directory, String version, double gemmGflops) {
        this.python = python;
        this.directory = directory;
        this.version = version;
        this.gemmGflops = gemmGflops;
    }

    /** PyTorch's 512^3 float matrix product speed on the benchmark's threads, GFLOP/s (NaN if unknown). */
    double gemmGflops() {
        return gemmGflops;
    }

    String python() {
        return python;
    }

    Path script() {
        return directory.resolve(BENCH_SCRIPT);
    }

    String version() {
        return version;
    }

    /**
     * Checks that {@code python} runs and imports torch and numpy, times its matrix product, and finds the scripts.
     *
     * @param scripts the folder holding the scripts, or null to look for {@code bench/} in the working directory,
     *                its parents and above the lstm command's jar
     * @throws BenchException saying what is missing and how to get it
     */
    static TorchReference probe(String python, Path scripts, int threads) {
        Path directory = scripts != null ? scripts : findScripts();
        if (directory == null || !Files.isRegularFile(directory.resolve(BENCH_SCRIPT))
                || !Files.isRegularFile(directory.resolve(STARTUP_SCRIPT))) {
            throw new BenchException("cannot find the PyTorch reference scripts " + BENCH_SCRIPT + " and " + STARTUP_SCRIPT
                    + (directory != null ? " in " + directory : " in a bench/ folder of the working directory or its parents")
                    + "; run from the lstm4j checkout or pass --torch-scripts DIR");
        }
        ProcessRun run;
        try {
            run = ProcessRun.of(List.of(python, "-c", PROBE, Integer.toString(threads)),
                    Map.of("OMP_NUM_THREADS", Integer.toString(threads)));
        } catch (IOException e) {
            throw new BenchException("--torch " + python + ": cannot run it (" + e.getMessage() + ")." + INSTALL);
        }
        if (!run.succeeded()) {
            String last = run.tail().isEmpty() ? "no output" : run.tail().get(run.tail().size() - 1);
            throw new BenchException("--torch " + python + " cannot import torch and numpy (" + last + ")." + INSTALL);
        }
        Map<String, Object> probe = FlatJson.parse(run.json());
        return new TorchReference(python, directory.toAbsolutePath().normalize(), String.valueOf(probe.get("torch")),
                Result.number(probe, "gemm_gflops"));
    }

    private static final String INSTALL = " Install Debian's PyTorch (apt-get install -y python3-torch) and pass "
            + "--torch /usr/bin/python3.";

    /**
     * PyTorch's figures for {@code workload}, under torch_bench.py's keys; for {@code startup}, the time from spawning
     * the interpreter to reading its result line (printed right after its first prediction); PyTorch has no
     * {@code startup_ms} (JVM-start) figure.
     *
     * @throws BenchException when the script fails
     */
    Map<String, Object> run(Workload workload, int threads) {
        boolean startup = workload == Workload.STARTUP;
        List<String> command = new ArrayList<>(List.of(python,
                directory.resolve(startup ? STARTUP_SCRIPT : BENCH_SCRIPT).toString()));
        if (!startup) {
            command.add(workload.id());
        }
        command.add(Integer.toString(threads));
        ProcessRun run = runScript(command, threads);
        Map<String, Object> figures = FlatJson.parse(run.json());
        if (startup) {
            figures.put(Figure.SPAWN_TO_PREDICTION_MS.key, run.secondsToJson() * 1e3);
        }
        figures.put("gemm_gflops", gemmGflops);
        return figures;
    }

    /**
     * One run of {@code torch_sine_job.py} (the {@code job} workload), timed from spawn to exit.
     *
     * @throws BenchException when the script fails or is missing
     */
    ProcessRun job(int threads) {
        Path script = directory.resolve(SineJob.TORCH_SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new BenchException("no " + script + " for the job workload");
        }
        return runScript(List.of(python, script.toString(), Integer.toString(threads)), threads);
    }

    /** Runs a PyTorch script with {@code OMP_NUM_THREADS} set; it must exit with 0 and print a result line. */
    private ProcessRun runScript(List<String> command, int threads) {
        ProcessRun run;
        try {
            run = ProcessRun.of(command, Map.of("OMP_NUM_THREADS", Integer.toString(threads)));
        } catch (IOException e) {
            throw new BenchException("cannot run " + python + ": " + e.getMessage());
        }
        if (!run.succeeded()) {
            throw new BenchException(run.failure("PyTorch (" + String.join(" ", command) + ")"));
        }
        return run;
    }

    /** The folder holding the scripts. */
    Path directory() {
        return directory;
    }

    /** {@code bench/} holding the scripts: under the working directory or a parent, or above the jar. */
    static Path findScripts() {
        Set<Path> candidates = new LinkedHashSet<>();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("bench"));
        }
        try {
            Path code = Path.of(TorchReference.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                candidates.add(p.resolve("bench"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: the working directory only
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(BENCH_SCRIPT))) {
                return candidate;
            }
        }
        return null;
    }
}
