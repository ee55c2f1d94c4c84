package dev.loupe.engine.report;

import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.report.compare.GridCell;
import dev.loupe.engine.report.compare.GridComparison;
import dev.loupe.engine.report.compare.GridJson;
import dev.loupe.engine.report.compare.GridMarkdown;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A matrix's and a sweep's SUMMARY.md and comparison.json from seeded runs, pinned by golden files
 * and the same in the root locale and in German. Regenerate with {@code -Dloupe.updateGolden=true}.
 */
class GridGoldenTest {
    private Locale saved;

    @BeforeEach
    void save() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    static RunResult withThroughput(RunResult r, double rps) {
        LoadSummary s = r.summary();
        LoadSummary changed = new LoadSummary(s.requests(), s.durationS(), rps, s.errorRatePct(), s.errors(), s.connections(),
                s.latencyMs(), s.uncorrectedLatencyMs(), s.generator());
        return new RunResult(r.scenario(), r.environment(), r.startedAt(), r.outcome(), r.serverUrl(), changed, r.intervals(),
                r.latency(), r.uncorrectedLatency(), r.telemetry(), r.notes(), r.findings());
    }

    static GridComparison matrix() {
        ScenarioGrid grid = new ScenarioGrid(ScenarioGrid.Kind.MATRIX, List.of(
                new ScenarioGrid.Axis("server.variant", List.of("thread-per-connection", "event-loop")),
                new ScenarioGrid.Axis("load.keepAlive", List.of("false", "true"))));
        List<ScenarioGrid.Cell> cells = grid.cells();
        RunResult run = SeededRun.open();
        return new GridComparison(grid, "checkout & cart", List.of(
                new GridCell(cells.get(0), cells.get(0).folderName(), GridCell.Status.PASSED, Optional.empty(),
                        Optional.of(withThroughput(run, 2600)), 0),
                new GridCell(cells.get(1), cells.get(1).folderName(), GridCell.Status.THRESHOLD_FAILED, Optional.empty(),
                        Optional.of(withThroughput(run, 20000)), 1),
                new GridCell(cells.get(2), cells.get(2).folderName(), GridCell.Status.FAILED_TO_RUN,
                        Optional.of("server.port: 8080 (expected: a free port on 127.0.0.1)"), Optional.empty(), 0),
                new GridCell(cells.get(3), cells.get(3).folderName(), GridCell.Status.NOT_RUN, Optional.empty(),
                        Optional.empty(), 0)));
    }

    static GridComparison sweep() {
        ScenarioGrid grid = new ScenarioGrid(ScenarioGrid.Kind.SWEEP,
                List.of(new ScenarioGrid.Axis("server.threads", List.of("1", "2", "4"))));
        List<ScenarioGrid.Cell> cells = grid.cells();
        RunResult run = SeededRun.open();
        double[] rps = {950, 1800, 1850};
        return new GridComparison(grid, "scalability", List.of(0, 1, 2).stream()
                .map(i -> new GridCell(cells.get(i), cells.get(i).folderName(), GridCell.Status.PASSED, Optional.empty(),
                        Optional.of(withThroughput(run, rps[i])), 0))
                .toList());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"grid/matrix.md, und", "grid/matrix.json, und", "grid/sweep.md, und", "grid/sweep.json, und",
        "grid/matrix.md, de-DE", "grid/matrix.json, de-DE", "grid/sweep.md, de-DE", "grid/sweep.json, de-DE"})
    void matchesItsGoldenFile(String name, String languageTag) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        GridComparison g = name.contains("matrix") ? matrix() : sweep();
        String text = name.endsWith(".md") ? GridMarkdown.render(g) : GridJson.render(g);
        Golden.check(name, text, languageTag.equals("und"));
    }
}
