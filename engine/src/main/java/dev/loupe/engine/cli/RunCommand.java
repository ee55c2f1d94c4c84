package dev.loupe.engine.cli;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.report.compare.Comparer;
import dev.loupe.engine.report.compare.Comparison;
import dev.loupe.engine.report.compare.ComparisonJson;
import dev.loupe.engine.report.compare.ComparisonMarkdown;
import dev.loupe.engine.report.compare.GridCell;
import dev.loupe.engine.report.compare.GridComparison;
import dev.loupe.engine.report.compare.GridMarkdown;
import dev.loupe.engine.report.compare.RunSample;
import dev.loupe.engine.report.compare.RunSamples;
import dev.loupe.engine.report.compare.SearchMarkdown;
import dev.loupe.engine.report.compare.SearchResult;
import dev.loupe.engine.report.compare.SearchStep;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunStarted;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioGrid;
import dev.loupe.engine.scenario.ScenarioPlan;
import dev.loupe.engine.scenario.ScenarioProblem;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.scenario.SearchSpec;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.session.GridRun;
import dev.loupe.engine.session.RunSession;
import dev.loupe.engine.session.SearchRun;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe run FILE}: runs a scenario headless and writes its run folder. */
@Command(
        name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Runs a scenario headless and writes its run folder.",
        description = {
            "Starts the scenario's server variant in this JVM, drives the warm-up and the measured load at it,",
            "stops everything and writes the run folder: result.json, SUMMARY.md, latency.hlog,",
            "journal.jsonl (written as the run goes) and run.log. One progress line a second goes to",
            "standard error; the summary and the thresholds go to standard output.",
            "",
            "A file with a matrix or a sweep runs each of its runs in turn, each into a run folder of its own",
            "below DIR, then writes comparison.json and a SUMMARY.md that compares them (exit 1 when a run",
            "failed to run, 99 when one failed a threshold).",
            "",
            "With --search (or the file's load.search) it searches for the highest open-model rate that meets the",
            "condition: the rate doubles from load.search.startRps (default 100) until a step breaks it, then",
            "bisects; each step is a run folder below DIR, and search.json and SUMMARY.md give the answer (exit 99",
            "when no rate met it).",
            "",
            "Examples:",
            "  loupe run sample-configs/quick.json",
            "  loupe run scenario.json --duration 15s --set load.connections=50 --threshold 'summary.latencyMs.p99<50'",
            "  loupe run scenario.json --out build/loupe --junit build/loupe/junit.xml",
            "  loupe run sample-configs/scalability.json --duration 5s",
            "  loupe run scenario.json --baseline runs/before   (exit 99 when this run is slower)",
            "  loupe run scenario.json --search 'summary.latencyMs.p99<50'   (the highest rate that meets it)",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    the run completed and every threshold passed",
            "  1    internal error (run.log in the run folder says why)",
            "  2    bad scenario file, option or output path (the message says which and why)",
            "  99   a threshold failed, or the run regressed against --baseline",
            "  130  interrupted (Ctrl+C): the run folder still holds what ran"
        })
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    Interrupts interrupts = Interrupts.CTRL_C;
    InstantSource clock = InstantSource.system();

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file to run.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder (default: runs/<date>-<time>-<scenario name>/ below the current folder).")
    Path out;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "The measured duration, beating the file's load.duration, e.g. 15s.")
    Duration duration;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Overrides one scenario field, e.g. --set load.connections=50 (repeatable).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Adds a pass/fail condition on result.json, e.g. 'summary.latencyMs.p99<50' or 'findings.red==0'"
                    + " (repeatable).")
    List<String> thresholdExpressions = new ArrayList<>();

    @Option(names = "--search", paramLabel = "EXPR",
            description = "Searches for the highest open-model rate that meets this condition, in the threshold syntax, e.g."
                    + " 'summary.latencyMs.p99<50' (repeatable; adds to the file's load.search).")
    List<String> searchExpressions = new ArrayList<>();

    @Option(names = "--no-telemetry", description = "Records no JVM telemetry: no JFR stream, probes or recording.jfr (the same as --set telemetry.enabled=false); the heap guard stays on.")
    boolean noTelemetry;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also writes the thresholds as JUnit XML, for CI servers.")
    Path junit;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "Compares this run with a baseline run folder (repeatable: several runs) once it ends, as loupe"
                    + " compare would; writes baseline.md and baseline.json into the run folder and exits 99 on a regression.")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--max-regression", paramLabel = "PCT", defaultValue = "5%",
            description = "With --baseline: how much worse throughput or p99 may get (default: ${DEFAULT-VALUE}).")
    String maxRegression;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        ScenarioPlan plan;
        List<Threshold> extraThresholds;
        try {
            plan = new ScenarioReader(RunCatalog.installed()).readPlan(file, overrides());
            extraThresholds = thresholds();
        } catch (InvalidScenarioException e) {
            e.problems().stream().map(ScenarioProblem::toString).forEach(err::println);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        List<Threshold> searchSlo = thresholds(searchExpressions, "--search");
        if (!searchSlo.isEmpty() && plan.grid().isPresent()) {
            throw new UserInputException("--search: " + file + " is a " + plan.grid().get().kind()
                    + " (expected: a single scenario to search the rate of)");
        }
        plan = plan.withSearch(searchSlo);
        if (plan.search().isPresent()) {
            if (junit != null || !baselines.isEmpty()) {
                throw new UserInputException((junit != null ? "--junit" : "--baseline") + ": a search runs many steps"
                        + " (expected: a single run; the search writes search.json, and each step's folder its result.json)");
            }
            return search(plan, stdout, err);
        }
        if (plan.grid().isPresent()) {
            if (junit != null) {
                throw new UserInputException("--junit: " + file + " is a " + plan.grid().get().kind()
                        + " (expected: a single run; a " + plan.grid().get().kind() + " writes comparison.json, and each"
                        + " run's folder its result.json)");
            }
            if (!baselines.isEmpty()) {
                throw new UserInputException("--baseline: " + file + " is a " + plan.grid().get().kind()
                        + " (expected: a single run; compare a grid's run folders with loupe compare)");
            }
            return grid(plan, extraThresholds, stdout, err);
        }
        Scenario scenario = plan.first();
        List<RunSample> baseline = baseline();
        double maxRegressionPct = CompareCommand.percent(maxRegression);
        Path folder = runFolder(scenario);
        checkWritable(junit, "--junit");

        RunSession session = RunSession.scenario(scenario, file.toString(), folder, extraThresholds,
                Optional.ofNullable(junit), LoadGenerator.create(), clock);
        CountDownLatch reported = new CountDownLatch(1);
        try (AutoCloseable ignored = interrupts.stopOnInterrupt(session, reported)) {
            return switch (session.start(List.of(new Console(err, quiet))).await()) {
                case SessionOutcome.SetupFailed failed -> throw new UserInputException(file + ": " + failed.message());
                case SessionOutcome.Failed failed -> throw failed.cause() instanceof Exception e ? e
                        : new IllegalStateException(failed.cause());
                case SessionOutcome.LoadFinished unexpected -> throw new IllegalStateException("a scenario session loaded a URL");
                case SessionOutcome.ScenarioFinished done -> {
                    RunConsoleReport.print(stdout, done.result(), done.written(), folder);
                    boolean regressed = !baseline.isEmpty() && !done.stopped() && compare(baseline, folder, maxRegressionPct, stdout);
                    yield done.stopped() ? ExitCodes.INTERRUPTED
                            : done.written().failedThresholds() > 0 || done.guarded() || regressed ? ExitCodes.THRESHOLD_FAILED
                            : ExitCodes.OK;
                }
            };
        } finally {
            reported.countDown();
        }
    }

    /** The --baseline runs, read before the run so that a bad path costs no run. */
    private List<RunSample> baseline() {
        List<RunSample> runs = new ArrayList<>();
        for (Path path : baselines) {
            try {
                runs.add(RunSamples.read(path));
            } catch (RunSamples.Unreadable e) {
                throw new UserInputException("--baseline: " + e.getMessage());
            }
        }
        return runs;
    }

    /** Compares the finished run with the baseline, prints and writes it; whether it regressed. */
    private static boolean compare(List<RunSample> baseline, Path folder, double maxRegressionPct, PrintWriter stdout)
            throws IOException {
        RunSample candidate;
        try {
            candidate = RunSamples.read(folder);
        } catch (RunSamples.Unreadable e) {
            throw new IOException("the run's own result.json cannot be read back: " + e.getMessage());
        }
        Comparison comparison = Comparer.compare(baseline, List.of(candidate), maxRegressionPct);
        String md = ComparisonMarkdown.render(comparison);
        AtomicFiles.writeString(folder.resolve("baseline.md"), md);
        AtomicFiles.writeString(folder.resolve("baseline.json"), ComparisonJson.render(comparison));
        stdout.println();
        stdout.print(md);
        stdout.println("  (also in " + folder.resolve("baseline.md") + " and baseline.json)");
        stdout.flush();
        return comparison.regressed();
    }

    /** A search for the highest rate that meets the SLO: each step a run below one folder, then the answer. */
    private int search(ScenarioPlan plan, PrintWriter stdout, PrintWriter err) throws Exception {
        SearchSpec spec = plan.search().orElseThrow();
        ScenarioReader reader = new ScenarioReader(RunCatalog.installed());
        Overrides base = overrides();
        DoubleFunction<Scenario> at = rate -> {
            try {
                return reader.read(file, base.with("load.model", "open").with("load.schedule", "constant")
                        .with("load.rateRps", Numbers.plain(rate)));
            } catch (InvalidScenarioException e) {
                throw new UserInputException(file + " at " + Numbers.rateRps(rate) + ": " + e.problems().stream()
                        .map(ScenarioProblem::toString).collect(java.util.stream.Collectors.joining("; ")));
            }
        };
        at.apply(spec.startRps()); // a file that cannot run open at a constant rate is refused before any step
        Path folder = runFolder(plan.first());
        SearchRun search = new SearchRun(spec, plan.first().name(), file.toString(), folder, LoadGenerator.create(), clock);
        CountDownLatch reported = new CountDownLatch(1);
        SearchResult result;
        try (AutoCloseable ignored = interrupts.stopOnInterrupt(search::stop, reported)) {
            err.println("loupe: " + spec + ", from " + Numbers.rateRps(spec.startRps()) + " into " + folder
                    + "; Ctrl+C ends the search with the steps that ran");
            err.flush();
            result = search.run(new SearchRun.Listener() {
                @Override
                public void starting(int step, double rateRps) {
                    err.println("loupe: step " + step + ": " + Numbers.rateRps(rateRps));
                    err.flush();
                }

                @Override
                public void finished(SearchStep step) {
                    err.println("loupe: step " + (step.index() + 1) + ": " + step.verdict().shown()
                            + step.result().map(r -> " (p99 " + Numbers.latencyMs(r.summary().latencyMs().p99()) + ", errors "
                                    + Numbers.percent(r.summary().errorRatePct()) + ")").orElse("")
                            + step.problem().map(pr -> ": " + pr).orElse(""));
                    err.flush();
                }
            }, at, () -> List.of(new Console(err, quiet)));
            stdout.print(SearchMarkdown.render(result));
            stdout.println();
            stdout.println("run folder: " + folder + "  (search.json, SUMMARY.md, report.pdf, report.html, run.log, and a folder per step)");
            stdout.flush();
        } finally {
            reported.countDown();
        }
        if (search.stopRequested()) {
            return ExitCodes.INTERRUPTED;
        }
        if (result.steps().stream().anyMatch(st -> st.verdict() == SearchStep.Verdict.FAILED_TO_RUN)) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return result.highestPassingRps().isPresent() ? ExitCodes.OK : ExitCodes.THRESHOLD_FAILED;
    }

    /** A matrix or sweep: each run in turn below one folder, then the comparison. */
    private int grid(ScenarioPlan plan, List<Threshold> extraThresholds, PrintWriter stdout, PrintWriter err) throws Exception {
        Path folder = runFolder(plan.first());
        GridRun grid = new GridRun(plan, file.toString(), folder, extraThresholds, LoadGenerator.create(), clock);
        CountDownLatch reported = new CountDownLatch(1);
        GridComparison comparison;
        try (AutoCloseable ignored = interrupts.stopOnInterrupt(grid::stop, reported)) {
            err.println("loupe: " + plan.grid().get().kind() + " of " + plan.runs().size() + " runs into " + folder
                    + "; Ctrl+C stops the run in progress and still compares the finished ones");
            err.flush();
            comparison = grid.run(new GridRun.Listener() {
                @Override
                public void starting(ScenarioGrid.Cell cell, int of, Scenario scenario, Duration leftInAll) {
                    err.println("loupe: run " + (cell.index() + 1) + " of " + of + ": " + cell.label() + " (about "
                            + Durations.format(leftInAll) + " left in all)");
                    err.flush();
                }

                @Override
                public void finished(GridCell cell, int of) {
                    err.println("loupe: run " + (cell.cell().index() + 1) + " of " + of + ": " + cell.status().shown()
                            + cell.problem().map(p -> ": " + p).orElse(""));
                    err.flush();
                }
            }, cell -> List.of(new Console(err, quiet)));
            stdout.print(GridMarkdown.render(comparison));
            stdout.println();
            stdout.println("run folder: " + folder + "  (comparison.json, SUMMARY.md, run.log, and a folder per run)");
            stdout.flush();
        } finally {
            reported.countDown();
        }
        List<GridCell.Status> statuses = comparison.cells().stream().map(GridCell::status).toList();
        if (grid.stopRequested()) {
            return ExitCodes.INTERRUPTED;
        }
        if (statuses.contains(GridCell.Status.FAILED_TO_RUN)) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return statuses.contains(GridCell.Status.THRESHOLD_FAILED) ? ExitCodes.THRESHOLD_FAILED : ExitCodes.OK;
    }

    private Overrides overrides() throws InvalidScenarioException {
        Overrides o = Overrides.parse(assignments);
        if (duration != null) {
            o = o.with("load.duration", Durations.format(duration));
        }
        if (noTelemetry) {
            o = o.with("telemetry.enabled", "false");
        }
        return o;
    }

    private List<Threshold> thresholds() {
        return thresholds(thresholdExpressions, "--threshold");
    }

    /** Each {@code path<value} expression of {@code option} as a threshold; a bad one is the user's, with exit 2. */
    static List<Threshold> thresholds(List<String> expressions, String option) {
        List<Threshold> list = new ArrayList<>();
        for (String expression : expressions) {
            try {
                list.add(Threshold.parse(expression));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(option + " " + expression + ": " + e.getMessage());
            }
        }
        return list;
    }

    /** The run folder, created now so a bad path fails before the first request. */
    private Path runFolder(Scenario scenario) {
        Path folder = out != null ? out : RunFolder.defaultPath(Path.of(""), clock.instant(), ZoneId.systemDefault(),
                scenario.name());
        try {
            return RunFolder.prepare(folder);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserInputException("--out " + folder + ": cannot create the run folder (" + why + ")");
        }
    }

    static void checkWritable(Path target, String option) {
        if (target == null) {
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new UserInputException(option + " " + target + " is a folder (expected: a file name)");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UserInputException(option + " " + target + ": the folder " + dir
                    + " does not exist or is not writable (expected: a file in an existing, writable folder)");
        }
    }

    /** One progress line a second on standard error. */
    private static final class Console implements RunListener {
        private final PrintWriter err;
        private final boolean quiet;
        private LoadProgress progress;

        Console(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void onStarted(RunStarted started) {
            Scenario scenario = started.scenario();
            err.println("loupe: " + scenario.name() + ": " + scenario.summary());
            err.println("loupe: server " + scenario.server().variant() + " at " + started.serverUrl()
                    + "; Ctrl+C stops early and still writes the run folder");
            err.flush();
            long totalMs = started.load().warmup().plus(started.load().duration()).toMillis();
            progress = quiet ? null : new LoadProgress(err, totalMs, started.load().isOpen());
        }

        @Override
        public void onSnapshot(IntervalSnapshot snapshot) {
            if (progress != null) {
                progress.onInterval(snapshot);
            }
        }
    }
}
