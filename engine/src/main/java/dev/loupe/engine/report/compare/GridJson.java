package dev.loupe.engine.report.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.report.JsonSupport;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;

/**
 * A matrix's or sweep's {@code comparison.json}: {@code schemaVersion}, {@code kind}, {@code
 * scenario}, {@code axes[{path, values}]}, {@code cells[{run, assignments, folder, status, problem,
 * throughputRps, latencyMs{p50, p99, p999}, errorRatePct, dispatchDelayMsP99, findings{red, yellow},
 * failedThresholds}]} (the numbers null for a run that did not measure), {@code best} (the run with
 * the highest throughput) and, for a sweep of numbers, {@code scaling[{value, throughputRps,
 * speedup, ideal, efficiencyPct}]}.
 */
public final class GridJson {
    public static final String FILE_NAME = "comparison.json";
    public static final int SCHEMA_VERSION = 1;

    private GridJson() {}

    /** The file's text. */
    public static String render(GridComparison g) {
        ObjectNode root = JsonSupport.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", g.grid().kind().toString());
        root.put("scenario", g.scenario());
        ArrayNode axes = root.putArray("axes");
        for (ScenarioGrid.Axis a : g.grid().axes()) {
            ObjectNode axis = axes.addObject().put("path", a.path());
            a.values().forEach(axis.putArray("values")::add);
        }
        ArrayNode cells = root.putArray("cells");
        for (GridCell c : g.cells()) {
            ObjectNode cell = cells.addObject();
            cell.put("run", c.cell().index() + 1);
            ObjectNode assignments = cell.putObject("assignments");
            c.cell().assignments().forEach(assignments::put);
            cell.put("folder", c.folder());
            cell.put("status", c.status().toString());
            if (c.problem().isPresent()) {
                cell.put("problem", c.problem().get());
            } else {
                cell.putNull("problem");
            }
            if (c.result().isPresent()) {
                RunResult r = c.result().get();
                cell.put("throughputRps", r.summary().throughputRps());
                cell.putObject("latencyMs").put("p50", r.summary().latencyMs().p50())
                        .put("p99", r.summary().latencyMs().p99()).put("p999", r.summary().latencyMs().p999());
                cell.put("errorRatePct", r.summary().errorRatePct());
                if (r.telemetry() != null && r.telemetry().dispatchDelayMs() != null) {
                    cell.put("dispatchDelayMsP99", r.telemetry().dispatchDelayMs().p99());
                } else {
                    cell.putNull("dispatchDelayMsP99");
                }
                cell.putObject("findings").put("red", GridComparison.findings(r, Severity.RED))
                        .put("yellow", GridComparison.findings(r, Severity.YELLOW));
            } else {
                cell.putNull("throughputRps");
                cell.putNull("latencyMs");
                cell.putNull("errorRatePct");
                cell.putNull("dispatchDelayMsP99");
                cell.putNull("findings");
            }
            cell.put("failedThresholds", c.failedThresholds());
        }
        if (g.best().isPresent()) {
            root.put("best", g.cells().get(g.best().getAsInt()).cell().index() + 1);
        } else {
            root.putNull("best");
        }
        if (!g.scaling().isEmpty()) {
            ArrayNode scaling = root.putArray("scaling");
            for (GridComparison.ScalingPoint p : g.scaling()) {
                scaling.addObject().put("value", p.value()).put("throughputRps", p.throughputRps())
                        .put("speedup", Math.round(p.speedup() * 1000) / 1000.0).put("ideal", Math.round(p.ideal() * 1000) / 1000.0)
                        .put("efficiencyPct", Math.round(p.efficiencyPct() * 10) / 10.0);
            }
        }
        return JsonSupport.pretty(root);
    }
}
