package dev.loupe.engine.run;

import dev.loupe.engine.scenario.InvalidValueException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scenario that resolved but cannot start: an address that does not resolve, a body file that
 * cannot be read, a workload parameter or a variant option the installed parts refuse, a port in
 * use. Each problem names its field, the value and what was expected, and is shown to the user as it
 * is (exit code 2); {@link RunCatalog} hands the same problems to the scenario reader, placed in the
 * file.
 */
public final class RunSetupException extends Exception {
    private static final long serialVersionUID = 1L;
    /** {@code path: value (expected: rule)}, the form every check in the engine words its message in. */
    private static final Pattern CHECK_MESSAGE = Pattern.compile("([A-Za-z0-9.\\[\\]]+): (.*) \\(expected:? (.*)\\)$",
            Pattern.DOTALL);

    private final transient List<InvalidValueException.Violation> violations;

    public RunSetupException(List<InvalidValueException.Violation> violations) {
        super(violations.stream().map(InvalidValueException.Violation::message).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    /** One problem with the field at {@code path}, e.g. {@code server.bindAddress}. */
    public RunSetupException(String path, String value, String expected) {
        this(List.of(new InvalidValueException.Violation(path, "", value, expected)));
    }

    /**
     * The problem a lower layer reported in its own words ({@code field: value (expected: rule)}),
     * placed below {@code prefix} unless its field already names its place ({@code server.…}).
     */
    static RunSetupException from(String prefix, IllegalArgumentException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = CHECK_MESSAGE.matcher(message);
        if (!m.matches()) {
            return new RunSetupException(prefix, "", message);
        }
        String field = m.group(1);
        String path = field.startsWith(prefix + ".") || field.equals(prefix) || prefix.isEmpty() ? field
                : prefix + "." + field;
        return new RunSetupException(path, m.group(2), m.group(3));
    }

    /** Every problem, each with its field path. */
    public List<InvalidValueException.Violation> violations() {
        return violations;
    }
}
