package dev.loupe.engine.scenario;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One or more values of a scenario record break their rules. Thrown by the records' constructors,
 * which check every field before throwing, so one exception carries every violation of one record.
 * The message has one line per violation, e.g. {@code load.connections: -5 (expected: 1..100000)}.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken rule.
     *
     * @param prefix where the record sits in a scenario file, e.g. {@code load}; empty for the root
     * @param field the field inside that record, e.g. {@code connections}; empty for the record itself
     * @param value the offending value as the user would write it, e.g. {@code -5} or {@code "5 parsecs"}
     * @param expected the rule, e.g. {@code 1..100000}
     */
    public record Violation(String prefix, String field, String value, String expected) {
        public Violation {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expected, "expected");
        }

        /** The full dotted path, e.g. {@code load.connections}. */
        public String path() {
            return join(prefix, field);
        }

        /** {@code path: value (expected: rule)}. */
        public String message() {
            return path() + ": " + value + " (expected: " + expected + ")";
        }

        static String join(String prefix, String field) {
            if (prefix.isEmpty()) {
                return field;
            }
            return field.isEmpty() ? prefix : prefix + "." + field;
        }
    }

    private final transient List<Violation> violations;

    public InvalidValueException(List<Violation> violations) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("\n")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidValueException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidValueException(Violation violation) {
        this(List.of(violation));
    }

    /** Every broken rule, in the order the fields were checked. */
    public List<Violation> violations() {
        return violations;
    }
}
