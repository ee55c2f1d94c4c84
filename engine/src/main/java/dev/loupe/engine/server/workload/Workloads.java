package dev.loupe.engine.server.workload;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of workloads, and the parser of SPECs ({@code name[:parameter]}, e.g. {@code hello},
 * {@code sleep:1ms}). A new workload is a {@link Workload} implementation added to {@link #ALL}.
 * Handlers that count their own work (queue length, retries, leaked bytes, failures) expose it
 * through {@link WorkloadStats}.
 */
public final class Workloads {
    /** Every workload, in the order {@code loupe variants} lists them. */
    private static final List<Workload> ALL = List.of(new Hello(), new Sleep(), new Cpu(), new Alloc(),
            new QueueWorkload(), new Contended(), new Pinned(), new Leak(), new Fail());

    /** The workload when none is named. */
    public static final String DEFAULT_SPEC = "hello";

    private Workloads() {}

    public static List<Workload> all() {
        return ALL;
    }

    public static Optional<Workload> byName(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The known names, comma-separated, for messages. */
    public static String names() {
        return ALL.stream().map(Workload::name).collect(Collectors.joining(", "));
    }

    /**
     * Parses and checks a SPEC, building a handler once to validate its parameter.
     *
     * @param field how the caller names the input in messages, e.g. {@code --workload} or {@code server.workload}
     * @throws IllegalArgumentException like {@code --workload: 'nope' (expected one of: hello, as name[:parameter])}
     */
    public static ConfiguredWorkload parse(String spec, String field) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(field + ": empty (expected: name[:parameter], name one of: " + names() + ")");
        }
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String parameter = colon < 0 ? "" : text.substring(colon + 1).strip();
        Workload workload = byName(name).orElseThrow(() -> new IllegalArgumentException(field + ": '" + text
                + "' names no known workload (expected: name[:parameter], name one of: " + names() + ")"));
        if (colon >= 0 && parameter.isEmpty()) {
            throw new IllegalArgumentException(field + ": '" + text + "' has an empty parameter (expected: "
                    + name + " or " + name + ":<" + workload.parameter() + ">)");
        }
        if (colon < 0 && !workload.defaultParameter().equals("-")) {
            parameter = workload.defaultParameter();
        }
        try {
            workload.handler(parameter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + text + "': " + e.getMessage(), e);
        }
        return new ConfiguredWorkload(workload, parameter);
    }
}
