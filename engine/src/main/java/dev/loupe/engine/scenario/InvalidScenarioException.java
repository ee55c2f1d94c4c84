package dev.loupe.engine.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file, or an override on the command line, cannot be turned into a {@link Scenario}.
 * Carries every problem found, not only the first, in file order; the message has one line per
 * problem. Commands print them and exit with code 2.
 */
public final class InvalidScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    public InvalidScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order; command-line ones after those in the file. */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
