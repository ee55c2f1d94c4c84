package dev.loupe.engine.session;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.report.GridDocuments;
import dev.loupe.engine.report.compare.GridCell;
import dev.loupe.engine.report.compare.GridComparison;
import dev.loupe.engine.report.compare.GridJson;
import dev.loupe.engine.report.compare.GridMarkdown;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioGrid;
import dev.loupe.engine.scenario.ScenarioPlan;
import dev.loupe.engine.scenario.Threshold;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A matrix or sweep: its runs one after another in this JVM, each a full run folder below {@code
 * folder} ({@code 01-…}, {@code 02-…}), then {@code comparison.json} and a {@code SUMMARY.md} that
 * compares them. A run that fails to run or fails a threshold is marked and the next one goes on;
 * {@link #stop} ends the run in progress, skips the rest and still writes the comparison of what ran.
 * {@link #run} blocks; {@link #stop} may come from any thread.
 */
public final class GridRun {
    /** Hears the grid's runs begin and end, on the thread that called {@link #run}. */
    public interface Listener {
        /**
         * A run begins.
         *
         * @param leftInAll how long this and the remaining runs take, by their warm-ups and durations
         */
        default void starting(ScenarioGrid.Cell cell, int of, Scenario scenario, Duration leftInAll) {}

        /** A run ended, however it went. */
        default void finished(GridCell cell, int of) {}
    }

    private final ScenarioPlan plan;
    private final ScenarioGrid grid;
    private final String source;
    private final Path folder;
    private final List<Threshold> extraThresholds;
    private final InstantSource clock;
    /** A run's start (the server, JFR) and its files, before one has been measured. */
    private static final long FIRST_OVERHEAD_MS = 2000;
    private final RunsInTurn runs;
    private long overheadSumMs;

    /**
     * @param plan a plan with a grid
     * @param folder the grid's folder, which must exist and be writable
     */
    public GridRun(ScenarioPlan plan, String source, Path folder, List<Threshold> extraThresholds, LoadGenerator generator,
            InstantSource clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.grid = plan.grid().orElseThrow(() -> new IllegalArgumentException("plan: no matrix or sweep"));
        this.source = Objects.requireNonNull(source, "source");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.extraThresholds = List.copyOf(extraThresholds);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = new RunsInTurn(generator, clock);
    }

    /**
     * Runs every cell in turn and writes the comparison.
     *
     * @param cellListeners the listeners of each cell's run (a console's progress)
     * @return the comparison of the runs, every cell marked
     */
    public GridComparison run(Listener listener, Function<ScenarioGrid.Cell, List<? extends RunListener>> cellListeners)
            throws IOException, InterruptedException {
        List<ScenarioGrid.Cell> cells = grid.cells();
        List<GridCell> done = new ArrayList<>();
        try (RunLog log = RunLog.appendingTo(folder.resolve("run.log"), clock)) {
            log.info(grid.kind() + " " + source + ": " + cells.size() + " runs of " + plan.first().name());
            for (int i = 0; i < cells.size(); i++) {
                ScenarioGrid.Cell cell = cells.get(i);
                Scenario scenario = plan.runs().get(i);
                Path cellFolder = folder.resolve(cell.folderName());
                if (runs.stopRequested()) {
                    done.add(new GridCell(cell, cell.folderName(), GridCell.Status.NOT_RUN, Optional.empty(), Optional.empty(), 0));
                    continue;
                }
                listener.starting(cell, cells.size(), scenario, leftInAll(i, overheadMs(done.size())));
                long startNs = System.nanoTime();
                GridCell outcome = runCell(cell, scenario, cellFolder, cellListeners.apply(cell));
                overheadSumMs += (System.nanoTime() - startNs) / 1_000_000 - nominal(scenario).toMillis();
                log.info("run " + (i + 1) + " of " + cells.size() + " (" + cell.label() + "): " + outcome.status()
                        + outcome.problem().map(p -> ": " + p).orElse(""));
                done.add(outcome);
                listener.finished(outcome, cells.size());
            }
            GridComparison comparison = new GridComparison(grid, plan.first().name(), done);
            AtomicFiles.writeString(folder.resolve(GridJson.FILE_NAME), GridJson.render(comparison));
            AtomicFiles.writeString(folder.resolve("SUMMARY.md"), GridMarkdown.render(comparison));
            try {
                GridDocuments.write(folder, comparison);
                log.info("wrote " + GridJson.FILE_NAME + ", SUMMARY.md, report.pdf and report.html");
            } catch (IOException | RuntimeException | LinkageError | InternalError e) {
                log.error("cannot write the comparison's report.pdf and report.html; comparison.json and SUMMARY.md are written", e);
            }
            return comparison;
        }
    }

    private GridCell runCell(ScenarioGrid.Cell cell, Scenario scenario, Path cellFolder, List<? extends RunListener> listeners)
            throws InterruptedException {
        String name = cell.folderName();
        RunsInTurn.Turn turn = runs.run(scenario, source + " run " + (cell.index() + 1) + " (" + cell.label() + ")", cellFolder,
                extraThresholds, listeners);
        if (turn.finished().isEmpty()) {
            return new GridCell(cell, name, GridCell.Status.FAILED_TO_RUN, turn.problem(), Optional.empty(), 0);
        }
        SessionOutcome.ScenarioFinished f = turn.finished().get();
        GridCell.Status status = f.stopped() ? GridCell.Status.INTERRUPTED
                : f.written().failedThresholds() > 0 || f.guarded() ? GridCell.Status.THRESHOLD_FAILED
                : GridCell.Status.PASSED;
        return new GridCell(cell, name, status, Optional.empty(), Optional.of(f.result()), f.written().failedThresholds());
    }

    /** How long the runs from {@code from} on take: their warm-ups and durations, and each run's start and files. */
    private Duration leftInAll(int from, long overheadMs) {
        Duration left = Duration.ZERO;
        for (int i = from; i < plan.runs().size(); i++) {
            left = left.plus(nominal(plan.runs().get(i))).plusMillis(overheadMs);
        }
        return Duration.ofSeconds(Math.round(left.toMillis() / 1000.0));
    }

    private static Duration nominal(Scenario s) {
        return s.load().warmup().plus(s.load().duration());
    }

    /** What a run took beyond its warm-up and duration, on average so far ({@value #FIRST_OVERHEAD_MS} ms before the first). */
    private long overheadMs(int finished) {
        return finished == 0 ? FIRST_OVERHEAD_MS : Math.max(0, overheadSumMs / finished);
    }

    /** Ends the run in progress (its folder keeps what ran) and skips the rest. Any thread; idempotent. */
    public void stop() {
        runs.stop();
    }

    /** Whether {@link #stop} was called. */
    public boolean stopRequested() {
        return runs.stopRequested();
    }
}
