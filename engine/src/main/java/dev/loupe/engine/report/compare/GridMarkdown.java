package dev.loupe.engine.report.compare;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;
import dev.loupe.engine.units.Numbers;
import java.util.List;
import java.util.Locale;

/** A matrix's or sweep's {@code SUMMARY.md}: one row per run, the best marked, a sweep's scaling. */
public final class GridMarkdown {
    private GridMarkdown() {}

    /** The file's text. */
    public static String render(GridComparison g) {
        StringBuilder md = new StringBuilder();
        int n = g.cells().size();
        md.append("# Loupe ").append(g.grid().kind()).append(": ").append(g.scenario()).append(" — ")
                .append(Numbers.count(n, "run")).append("\n\n");
        long notRun = g.cells().stream().filter(c -> c.status() == GridCell.Status.NOT_RUN).count();
        long interrupted = g.cells().stream().filter(c -> c.status() == GridCell.Status.INTERRUPTED).count();
        if (notRun > 0 || interrupted > 0) {
            md.append("> **Interrupted:** ").append(n - notRun).append(" of ").append(n).append(" runs ran")
                    .append(interrupted > 0 ? ", the last of them only in part" : "").append("; the table compares what ran.\n\n");
        }
        long failed = g.cells().stream().filter(c -> c.status() == GridCell.Status.FAILED_TO_RUN).count();
        if (failed > 0) {
            md.append("> **").append(Numbers.count(failed, "run")).append(" failed to run**; the others went on.\n\n");
        }
        md.append("Each run is a full run folder below this one; the values are the measured part's.\n\n");
        md.append("| run |");
        for (ScenarioGrid.Axis a : g.grid().axes()) {
            md.append(' ').append(a.path()).append(" |");
        }
        md.append(" status | throughput | p50 | p99 | p99.9 | errors | findings | folder |\n|---:|");
        g.grid().axes().forEach(a -> md.append("---|"));
        md.append("---|---:|---:|---:|---:|---:|---|---|\n");
        int best = g.best().orElse(-1);
        for (int i = 0; i < n; i++) {
            GridCell c = g.cells().get(i);
            md.append("| ").append(c.cell().index() + 1).append(" |");
            for (ScenarioGrid.Axis a : g.grid().axes()) {
                md.append(' ').append(c.cell().assignments().get(a.path())).append(" |");
            }
            md.append(' ').append(c.status().shown());
            c.problem().ifPresent(p -> md.append(": ").append(p.replace("|", "\\|")));
            md.append(" |");
            if (c.result().isPresent()) {
                RunResult r = c.result().get();
                md.append(' ').append(Numbers.rateRps(r.summary().throughputRps())).append(i == best ? " ★" : "").append(" | ")
                        .append(Numbers.latencyMs(r.summary().latencyMs().p50())).append(" | ")
                        .append(Numbers.latencyMs(r.summary().latencyMs().p99())).append(" | ")
                        .append(Numbers.latencyMs(r.summary().latencyMs().p999())).append(" | ")
                        .append(Numbers.percent(r.summary().errorRatePct())).append(" | ")
                        .append(findings(r)).append(" | ");
            } else {
                md.append(" – | – | – | – | – | – | ");
            }
            md.append(c.status() == GridCell.Status.NOT_RUN ? "–" : "[" + c.folder() + "](" + c.folder() + "/SUMMARY.md)")
                    .append(" |\n");
        }
        if (best >= 0) {
            md.append("\n★ the highest throughput: run ").append(g.cells().get(best).cell().index() + 1).append(" (")
                    .append(g.cells().get(best).cell().label()).append(").\n");
        }
        scaling(md, g);
        return md.toString();
    }

    private static void scaling(StringBuilder md, GridComparison g) {
        List<GridComparison.ScalingPoint> points = g.scaling();
        if (points.size() < 2) {
            return;
        }
        String path = g.grid().axes().getFirst().path();
        md.append("\n## Scaling\n\nThroughput against the first run's, and the ideal: linear in ").append(path)
                .append(" from the first value.\n\n| ").append(path).append(" | throughput | speedup | ideal | efficiency |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        for (GridComparison.ScalingPoint p : points) {
            md.append("| ").append(Numbers.plain(p.value())).append(" | ").append(Numbers.rateRps(p.throughputRps()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f×", p.speedup())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f×", p.ideal())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f %%", p.efficiencyPct())).append(" |\n");
        }
    }

    private static String findings(RunResult r) {
        long red = GridComparison.findings(r, Severity.RED);
        long yellow = GridComparison.findings(r, Severity.YELLOW);
        if (red == 0 && yellow == 0) {
            return "none";
        }
        return (red > 0 ? "🔴 " + red + " red" : "") + (red > 0 && yellow > 0 ? " · " : "")
                + (yellow > 0 ? "🟡 " + yellow + " yellow" : "");
    }
}
