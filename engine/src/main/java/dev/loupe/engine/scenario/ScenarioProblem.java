package dev.loupe.engine.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario, located for the user:
 * {@code quick.json:7:20: load.connections: -5 (expected: 1..100000)}.
 *
 * @param source the file as the user named it, or {@code --set} for a command-line override
 * @param line 1-based line in the file, or 0 when the problem has no place in it
 * @param column 1-based column in the file, or 0 when the problem has no place in it
 * @param path the field's dotted path, e.g. {@code load.connections}; empty for the file as a whole
 * @param message the value and what was expected, e.g. {@code -5 (expected: 1..100000)}
 */
public record ScenarioProblem(String source, int line, int column, String path, String message) {
    public ScenarioProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the problem has a line and column in the file. */
    public boolean located() {
        return line > 0;
    }

    /** {@code source:line:column: path: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source);
        if (located()) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(message).toString();
    }
}
