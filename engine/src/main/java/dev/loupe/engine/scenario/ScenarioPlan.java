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
 * @param search the file's {@code load.search}: the one scenario's highest rate that meets an SLO
 */
public record ScenarioPlan(Optional<ScenarioGrid> grid, List<Scenario> runs, Optional<SearchSpec> search) {
    public ScenarioPlan {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(search, "search");
        if (grid.isPresent() && search.isPresent()) {
            throw new IllegalArgumentException("a plan is a grid or a search, not both");
        }
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs: empty (expected: at least one scenario)");
        }
    }

    /** This plan searching with {@code slo} too (the command line's {@code --search}). */
    public ScenarioPlan withSearch(List<Threshold> slo) {
        if (slo.isEmpty()) {
            return this;
        }
        return new ScenarioPlan(grid, runs, Optional.of(search.map(s -> s.plus(slo)).orElse(SearchSpec.of(slo))));
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
