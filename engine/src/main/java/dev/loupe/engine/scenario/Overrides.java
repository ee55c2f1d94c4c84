package dev.loupe.engine.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values given explicitly on the command line, which beat the scenario file's: {@code --set
 * load.connections=50}, {@code --set server.variant=virtual-threads}, and the shortcuts a command
 * offers ({@code --duration 15s} is {@code load.duration=15s}). Paths are the file's field names
 * joined by dots; inside {@code thresholds} and {@code load.request.headers} the rest of the path
 * is the key ({@code thresholds.summary.latencyMs.p99=<50}). The value is text and is read the way
 * the field's type asks: {@code 50}, {@code true}, {@code 5s}, {@code open}. Entries of lists
 * ({@code load.mix}, {@code load.stages}) cannot be set. Immutable; a later value for the same path
 * wins. {@link ScenarioReader} reports paths no field has, with a "did you mean".
 */
public final class Overrides {
    /** The source named in problems with an override, e.g. {@code --set: load.connections: -5 (...)}. */
    public static final String SOURCE = "--set";

    private static final Overrides NONE = new Overrides(Map.of());

    private final Map<String, String> values;

    private Overrides(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No overrides. */
    public static Overrides none() {
        return NONE;
    }

    /**
     * Reads {@code path=value} assignments, as {@code --set} takes them. The value may hold
     * {@code =} itself; the first one splits.
     *
     * @throws InvalidScenarioException naming every assignment without a path or an {@code =}
     */
    public static Overrides parse(List<String> assignments) throws InvalidScenarioException {
        Map<String, String> values = new LinkedHashMap<>();
        List<ScenarioProblem> problems = new java.util.ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            String path = eq < 0 ? assignment.strip() : assignment.substring(0, eq).strip();
            if (eq <= 0 || path.isEmpty()) {
                problems.add(new ScenarioProblem(SOURCE, 0, 0, "", FieldChecks.quote(assignment)
                        + " (expected: PATH=VALUE, e.g. load.connections=50)"));
            } else {
                values.remove(path); // keep the order of the last assignment
                values.put(path, assignment.substring(eq + 1));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new Overrides(values);
    }

    /** These overrides plus {@code path=value}, which replaces an earlier value for the same path. */
    public Overrides with(String path, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(path);
        copy.put(path, value);
        return new Overrides(copy);
    }

    /** Path to text, in the order given. */
    public Map<String, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Overrides other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
