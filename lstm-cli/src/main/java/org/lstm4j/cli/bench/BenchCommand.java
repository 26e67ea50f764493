package org.lstm4j.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lstm4j.cli.LstmCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lstm bench [WORKLOAD...] [--threads N] [--torch PYTHON] [--json]}: the workloads of the PyTorch reference
 * script, run through the public SPI, optionally side by side with PyTorch. See {@code docs/performance.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure lstm4j on the workloads of the PyTorch reference (bench/torch_bench.py), through the same "
                    + "Backend/Trainer/TrainedModel code the SDK runs, and with --torch run PyTorch on each workload "
                    + "right after lstm4j and print the ratios (lstm4j / PyTorch).",
            "",
            "Workloads: startup (JVM start to the end of the first prediction), sine (the seed job: ms per epoch, "
                    + "final loss), large (LSTM(128)x2, batch 256 x 64 x 8: ms per batch), infer and inferlarge "
                    + "(one-window latency, windows/s at batch 1024), job (the whole of lstm train examples/sine/sine.yaml "
                    + "against bench/torch_sine_job.py, process spawn to exit, 5 alternating pairs). Peak RSS comes with "
                    + "every workload but job.",
            "",
            "Each workload runs in a fresh JVM (same java, class path and JVM options) with OMP_NUM_THREADS=N, "
                    + "so that it has its own start-up and peak RSS and ND4J, which reads OMP_NUM_THREADS once at "
                    + "start-up, gets N threads. A full run takes several minutes; run it on a quiet machine."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every workload measured (and compared with PyTorch, with --torch)",
            "1:a workload failed (lstm4j or PyTorch); the others are still reported",
            "2:bad command line, or --torch cannot run the PyTorch reference (interpreter missing, no torch, "
                    + "scripts not found): the lstm4j figures are still measured and printed"})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "WORKLOAD",
            description = "startup, sine, large, infer, inferlarge, job (default: all; always run in this order)")
    private List<String> workloads = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "compute threads for lstm4j (OMP_NUM_THREADS of each workload's JVM) and PyTorch "
                    + "(torch.set_num_threads); default 1, the fastest here for these sizes")
    private int threads;

    @Option(names = "--torch", paramLabel = "PYTHON",
            description = "also run the PyTorch reference with this interpreter, e.g. /usr/bin/python3 with "
                    + "Debian's python3-torch, and print the ratio table")
    private String python;

    @Option(names = "--torch-scripts", paramLabel = "DIR",
            description = "folder holding torch_bench.py and torch_startup.py (default: bench/ of the lstm4j checkout)")
    private Path torchScripts;

    /** lstm4j's system property for the backend's compute threads (docs/sdk.md). */
    private static final String THREADS_PROPERTY = "lstm4j.threads";

    @Option(names = "--json", description = "print one JSON line per workload instead of the table")
    private boolean json;

    @Option(names = "--in-process",
            description = "run the workloads in this JVM: quicker, but peak RSS is then this JVM's high-water mark "
                    + "so far and start-up is meaningful only for a fresh JVM; --threads reaches the backend "
                    + "through -Dlstm4j.threads")
    private boolean inProcess;

    @Option(names = "--quick", hidden = true, description = "tiny sizes, for tests: the figures measure nothing")
    private boolean quick;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        long entered = System.currentTimeMillis();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("lstm bench: --threads must be >= 1, was " + threads);
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        EnumSet<Workload> chosen = EnumSet.noneOf(Workload.class);
        for (String name : workloads) {
            Optional<Workload> w = Workload.named(name);
            if (w.isEmpty()) {
                err.println("lstm bench: unknown workload '" + name + "'; choose from " + Workload.names());
                err.flush();
                return LstmCommand.BAD_INPUT;
            }
            chosen.add(w.get());
        }
        List<Workload> selected = new ArrayList<>(chosen.isEmpty() ? EnumSet.allOf(Workload.class) : chosen);
        if (!json) {
            header(selected, out);
        }
        // In this JVM, start-up is measured from the JVM's start: probe PyTorch only after it.
        boolean probeLate = python != null && inProcess && selected.get(0) == Workload.STARTUP;
        TorchReference torch = python == null || probeLate ? null : probeTorch(out, err);
        boolean torchUnusable = python != null && torch == null && !probeLate;
        WorkloadRunner runner = inProcess ? new WorkloadRunner(quick ? Settings.QUICK : Settings.FULL, entered) : null;
        List<Result> results = new ArrayList<>();
        boolean failed = false;
        for (Workload w : selected) {
            Result result;
            if (w == Workload.JOB) {
                result = job(torch, err);
                failed |= result.lstm4jError() != null || result.torchError() != null;
            } else {
                Map<String, Object> mine = null;
                String mineError = null;
                try {
                    mine = inProcess ? inThisJvm(runner, w) : ChildJvm.run(w, threads, quick);
                    checkThreads(w, mine, err);
                } catch (RuntimeException e) {
                    mineError = describe(e);
                    err.println("lstm bench: " + w.id() + ": lstm4j failed: " + mineError);
                    err.flush();
                    failed = true;
                }
                if (probeLate) {
                    probeLate = false;
                    torch = probeTorch(out, err);
                    torchUnusable = torch == null;
                }
                Map<String, Object> theirs = null;
                String theirError = null;
                if (torch != null) {
                    try {
                        theirs = torch.run(w, threads);
                    } catch (BenchException e) {
                        theirError = e.getMessage();
                        err.println("lstm bench: " + w.id() + ": " + theirError);
                        err.flush();
                        failed = true;
                    }
                }
                result = new Result(w, mine, mineError, theirs, theirError);
            }
            results.add(result);
            if (json) {
                out.println(FlatJson.write(result.json()));
                out.flush();
            } else {
                BenchReport.printWorkload(result, out);
            }
        }
        if (!json) {
            out.println();
            BenchReport.printTable(results, torch != null, out);
            if (quick) {
                out.println("--quick: tiny sizes for tests; these figures measure nothing");
            }
        }
        out.flush();
        return failed ? LstmCommand.FAILED : torchUnusable ? LstmCommand.BAD_INPUT : LstmCommand.OK;
    }

    /** The {@code job} workload: whole processes, always spawned, in alternating pairs ({@link SineJob}). */
    private Result job(TorchReference torch, PrintWriter err) {
        try {
            Path experiment = quick ? quickJobExperiment()
                    : SineJob.seedExperiment(torch != null ? torch.directory() : torchScripts != null ? torchScripts : TorchReference.findScripts());
            SineJob.Figures figures = SineJob.run(experiment, torch, threads, quick ? 1 : SineJob.PAIRS);
            return new Result(Workload.JOB, figures.lstm4j(), null, figures.torch(), null);
        } catch (BenchException e) {
            err.println("lstm bench: job: " + e.getMessage());
            err.flush();
            return new Result(Workload.JOB, null, e.getMessage(), null, null);
        }
    }

    /** For --quick: a two-epoch job, so that a test runs the whole path in seconds. */
    private static Path quickJobExperiment() {
        try {
            Path file = Files.createTempFile("lstm4j-bench-job", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    name: quick-job
                    data: {synthetic: {function: sine, end: 20.0}, window: 5}
                    model: {hidden_size: 4, num_layers: 1}
                    training: {epochs: 2, batch_size: 32}
                    output: {plots: false}
                    """);
            return file;
        } catch (IOException e) {
            throw new BenchException("cannot write the quick job's experiment: " + e.getMessage());
        }
    }

    private void header(List<Workload> selected, PrintWriter out) {
        out.println("lstm bench: " + String.join(" ", selected.stream().map(Workload::id).toList()) + "; "
                + threads + (threads == 1 ? " thread" : " threads") + "; "
                + (inProcess ? "all in this JVM (-Dlstm4j.threads=" + threads + ")"
                        : "each workload in a fresh JVM with OMP_NUM_THREADS=" + threads)
                + "; java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        out.flush();
    }

    /** The PyTorch reference, or null after saying why it cannot run. */
    private TorchReference probeTorch(PrintWriter out, PrintWriter err) {
        TorchReference torch;
        try {
            torch = TorchReference.probe(python, torchScripts, threads);
        } catch (BenchException e) {
            err.println("lstm bench: " + e.getMessage() + " Measuring lstm4j only (exit code 2).");
            err.flush();
            return null;
        }
        if (!json) {
            out.println("PyTorch " + torch.version() + ": " + torch.python() + " " + torch.script()
                    + " (alternating: lstm4j, then PyTorch, per workload); its 512^3 matrix product: "
                    + Figure.number(torch.gemmGflops(), false) + " GFLOP/s on " + threads + (threads == 1 ? " thread" : " threads"));
            out.flush();
        }
        warnAboutSlowTorch(torch, err);
        return torch;
    }

    /** A PyTorch on a slow BLAS makes every ratio flatter lstm4j: say so. */
    private void warnAboutSlowTorch(TorchReference torch, PrintWriter err) {
        double perThread = torch.gemmGflops() / threads;
        if (perThread < TorchReference.SLOW_GEMM_GFLOPS_PER_THREAD) {
            err.println(String.format(java.util.Locale.ROOT, "lstm bench: WARNING: PyTorch multiplies matrices at %.1f GFLOP/s "
                    + "per thread: it is running on a slow BLAS (Debian's python3-torch uses the system libblas.so.3, "
                    + "by default the reference libblas3). Its times are then several times longer than a usual PyTorch's "
                    + "and the ratios flatter lstm4j; for a fair reference install an optimised BLAS "
                    + "(apt-get install -y libopenblas0-pthread) and run again.", perThread));
            err.flush();
        }
    }

    /** Runs {@code w} in this JVM with {@code --threads} as lstm4j's thread property, restored afterwards. */
    private Map<String, Object> inThisJvm(WorkloadRunner runner, Workload w) {
        String before = System.getProperty(THREADS_PROPERTY);
        System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
        try {
            return runner.run(w);
        } finally {
            if (before == null) {
                System.clearProperty(THREADS_PROPERTY);
            } else {
                System.setProperty(THREADS_PROPERTY, before);
            }
        }
    }

    /** Says so when the backend runs on another thread count than asked for. */
    private void checkThreads(Workload w, Map<String, Object> figures, PrintWriter err) {
        double reported = Result.number(figures, "threads");
        if (!Double.isNaN(reported) && reported != threads) {
            err.println("lstm bench: " + w.id() + ": asked for " + threads + " threads, but the backend reports "
                    + Math.round(reported) + "; the figures are for " + Math.round(reported));
            err.flush();
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof BenchException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
