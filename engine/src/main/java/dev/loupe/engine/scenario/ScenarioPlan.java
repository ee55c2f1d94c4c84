package dev.loupe.engine.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scenario file asks to run: one scenario, or a matrix's or a sweep's runs, each read and
 * checked as a file of its own would be.
 *
 * @param grid the file's matrix or sweep; empty for a single run
 * @param runs one scenario per cell of the grid, in its order (one alone without a grid)
 */
public record ScenarioPlan(Optional<ScenarioGrid> grid, List<Scenario> runs) {
    public ScenarioPlan {
        Objects.requireNonNull(grid, "grid");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs: empty (expected: at least one scenario)");
        }
    }

    /** The first run: the one scenario, or the grid's first cell. */
    public Scenario first() {
        return runs.getFirst();
    }

    /** The grid's cells, each with its scenario; one cell without assignments for a single run. */
    public List<ScenarioGrid.Cell> cells() {
        return grid.map(ScenarioGrid::cells).orElse(List.of(new ScenarioGrid.Cell(0, Map.of())));
    }
}
