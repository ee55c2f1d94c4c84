package dev.loupe.engine.report.compare;

import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.ScenarioGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A matrix's or sweep's runs side by side: each run's throughput, latency, errors and findings, the
 * best, and for a sweep of numbers the scaling against the ideal line (linear from the first value).
 *
 * @param grid what the file asked for
 * @param scenario the scenario's name
 * @param cells every run of the grid, in order (those Ctrl+C came before marked not run)
 */
public record GridComparison(ScenarioGrid grid, String scenario, List<GridCell> cells) {
    public GridComparison {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(scenario, "scenario");
        cells = List.copyOf(cells);
    }

    /**
     * One point of a sweep's scaling curve.
     *
     * @param value the swept field's value
     * @param throughputRps what the run measured
     * @param speedup its throughput against the first value's
     * @param ideal the value against the first value: what linear scaling would give
     */
    public record ScalingPoint(double value, double throughputRps, double speedup, double ideal) {
        /** The share of the ideal the run reached. */
        public double efficiencyPct() {
            return ideal == 0 ? 0 : speedup / ideal * 100;
        }
    }

    /** The runs that measured something: they ran to the end or were interrupted. */
    public List<GridCell> measured() {
        return cells.stream().filter(c -> c.result().isPresent()).toList();
    }

    /** The run with the highest throughput, by its index in {@link #cells}. */
    public OptionalInt best() {
        int best = -1;
        double most = -1;
        for (int i = 0; i < cells.size(); i++) {
            Optional<RunResult> r = cells.get(i).result();
            if (r.isPresent() && r.get().summary().throughputRps() > most) {
                most = r.get().summary().throughputRps();
                best = i;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /**
     * A sweep's scaling curve: every measured run whose value is a positive number, against the first
     * such run. Empty for a matrix, or when the values are not numbers.
     */
    public List<ScalingPoint> scaling() {
        if (grid.kind() != ScenarioGrid.Kind.SWEEP) {
            return List.of();
        }
        String path = grid.axes().getFirst().path();
        List<ScalingPoint> points = new ArrayList<>();
        double firstValue = 0;
        double firstRps = 0;
        for (GridCell c : measured()) {
            Double value = number(c.cell().assignments().get(path));
            if (value == null || value <= 0) {
                return List.of();
            }
            double rps = c.result().orElseThrow().summary().throughputRps();
            if (points.isEmpty()) {
                firstValue = value;
                firstRps = rps;
            }
            points.add(new ScalingPoint(value, rps, firstRps == 0 ? 0 : rps / firstRps, value / firstValue));
        }
        return points;
    }

    /** The count of a run's findings of {@code severity}. */
    static long findings(RunResult r, Severity severity) {
        return r.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
