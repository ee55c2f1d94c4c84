package dev.loupe.engine.scenario;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server's handler does for each request, written {@code name[:parameter]}: {@code hello},
 * {@code sleep:1ms}, {@code cpu:50us}, {@code alloc:16KiB}, {@code queue:atom}, {@code fail:10%}.
 * Only the syntax is checked here; whether the workload exists and understands its parameter is
 * for the workload registry to say.
 *
 * @param name the workload's name: lower-case letters, digits and dashes, starting with a letter
 * @param parameter what follows the first colon, if anything: no spaces, not empty
 */
public record WorkloadSpec(String name, Optional<String> parameter) {
    /** What a spec should look like, for messages. */
    public static final String EXPECTED =
            "a workload name[:parameter], e.g. hello, sleep:1ms, cpu:50us, alloc:16KiB, queue:atom, fail:10%";

    /** The syntax; the JSON schema's {@code workload} pattern says the same. */
    public static final Pattern SYNTAX = Pattern.compile("([a-z][a-z0-9-]{0,63})(?::(\\S{1,100}))?");

    public WorkloadSpec {
        Objects.requireNonNull(parameter, "parameter");
        FieldChecks checks = new FieldChecks("workload");
        checks.matches("", name, NAME, EXPECTED);
        parameter.ifPresent(p -> checks.matches("", p, PARAMETER, "a parameter without spaces, e.g. 1ms"));
        checks.done();
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern PARAMETER = Pattern.compile("\\S{1,100}");

    /**
     * Reads {@code name[:parameter]}.
     *
     * @throws InvalidValueException at path {@code workload}, naming the spec and the syntax
     */
    public static WorkloadSpec parse(String spec) {
        Matcher m = spec == null ? null : SYNTAX.matcher(spec);
        if (m == null || !m.matches()) {
            throw new InvalidValueException(
                    new InvalidValueException.Violation("workload", "", FieldChecks.show(spec), EXPECTED));
        }
        return new WorkloadSpec(m.group(1), Optional.ofNullable(m.group(2)));
    }

    /** The spec as written: {@code name} or {@code name:parameter}. */
    @Override
    public String toString() {
        return parameter.map(p -> name + ":" + p).orElse(name);
    }
}
