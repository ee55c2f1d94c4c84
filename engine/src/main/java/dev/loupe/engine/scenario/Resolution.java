package dev.loupe.engine.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state of reading one scenario: the overrides not yet used, where each value came from, and
 * every problem found so far. Problems are collected, never thrown, until {@link #problems()} is
 * asked for at the end; a value reported once is not reported again by a later rule.
 */
final class Resolution {
    private static final Json.Position NOWHERE = new Json.Position(0, 0);

    final String source;
    final Path baseDir;
    private final Map<String, String> overrides;
    private final List<String> overrideOrder;
    private final List<ScenarioProblem> problems = new ArrayList<>();
    private final Map<String, Json.Position> positions = new HashMap<>();
    private final Map<String, String> shown = new HashMap<>();
    private final Set<String> overridden = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> broken = new HashSet<>();
    private final Set<String> valuePaths = new LinkedHashSet<>();
    private final Map<String, FieldType> valueTypes = new HashMap<>();
    private final Set<String> containerPaths = new LinkedHashSet<>();

    Resolution(String source, Path baseDir, Overrides overrides, List<ScenarioProblem> parseProblems) {
        this.source = source;
        this.baseDir = baseDir;
        this.overrides = new LinkedHashMap<>(overrides.values());
        this.overrideOrder = List.copyOf(overrides.values().keySet());
        this.problems.addAll(parseProblems);
    }

    /** Takes the command-line value for {@code path}, if there is one; it is then used up. */
    Optional<String> takeOverride(String path) {
        return Optional.ofNullable(overrides.remove(path));
    }

    /** Takes every command-line value below {@code path} ({@code path.key=value}), keyed by the rest. */
    Map<String, String> takeOverridesBelow(String path) {
        Map<String, String> below = new LinkedHashMap<>();
        String prefix = path + ".";
        overrides.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                below.put(e.getKey().substring(prefix.length()), e.getValue());
                return true;
            }
            return false;
        });
        return below;
    }

    /** A field that holds one value was asked for (for "did you mean", the schema drift test and saving). */
    void askedValue(String path, FieldType type) {
        valuePaths.add(normalised(path));
        valueTypes.put(normalised(path), type);
    }

    /** A field that holds a map with keys the user chooses was asked for. */
    void askedMap(String path) {
        valueTypes.put(normalised(path), FieldType.MAP);
    }

    /** How each field asked for is written, list indices written {@code []}. */
    Map<String, FieldType> fieldTypes() {
        return Map.copyOf(valueTypes);
    }

    /** A field that holds an object, a list or a map was asked for. */
    void askedContainer(String path) {
        containerPaths.add(normalised(path));
    }

    /** Every field path asked for, list indices written {@code []}. */
    Set<String> fieldPaths() {
        Set<String> all = new LinkedHashSet<>(containerPaths);
        all.addAll(valuePaths);
        return all;
    }

    /** The value at {@code path} was written in the file at {@code at}, as {@code asWritten}. */
    void written(String path, Json.Position at, String asWritten) {
        positions.put(path, at);
        shown.put(path, asWritten);
    }

    /** The object, list or map at {@code path} was written in the file at {@code at}. */
    void placed(String path, Json.Position at) {
        positions.put(path, at);
    }

    /** The value at {@code path} came from the command line, shown as {@code asGiven}. */
    void explicit(String path, String asGiven) {
        overridden.add(path);
        shown.put(path, asGiven);
    }

    /**
     * Reports that the value at {@code path} breaks a rule, placed where the value came from: the
     * command line, the file, or (for values from a preset or default) {@code fallback}.
     */
    void report(String path, Json.Position fallback, String value, String expected) {
        if (below(broken, path) || !failed.add(path)) {
            return;
        }
        String asWritten = shown.getOrDefault(path, value);
        String message = asWritten + " (expected: " + expected + ")";
        if (overridden.contains(path)) {
            problems.add(new ScenarioProblem(Overrides.SOURCE, 0, 0, path, message));
        } else {
            at(positions.getOrDefault(path, fallback), path, message);
        }
    }

    /** Reports a problem worded freely, e.g. an unknown field, at {@code at}; {@code null} for the command line. */
    void at(Json.Position at, String path, String message) {
        failed.add(path);
        problems.add(at == null
                ? new ScenarioProblem(Overrides.SOURCE, 0, 0, path, message)
                : new ScenarioProblem(source, at.line(), at.column(), path, message));
    }

    /**
     * The object, list or map at {@code path} is not one (reported already); rules about the fields
     * it should have held stay quiet, since the user has one thing to fix, not many.
     */
    void broken(String path) {
        broken.add(path);
    }

    private static boolean below(Set<String> containers, String path) {
        for (String c : containers) {
            if (path.startsWith(c + ".") || path.startsWith(c + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Marks {@code path} as reported, so that rules about it stay quiet. */
    void markFailed(String path) {
        failed.add(path);
    }

    /**
     * Builds a record, turning its violations into problems placed by where each value came from.
     *
     * @param prefix where the record sits in this file, e.g. {@code load.mix[2]}
     * @param fallback where to point for values the file does not hold
     * @return the record, or {@code null} when it has violations (then {@code prefix} counts as failed)
     */
    <T> T build(String prefix, Json.Position fallback, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            for (InvalidValueException.Violation v : e.violations()) {
                report(InvalidValueException.Violation.join(prefix, v.field()), fallback, v.value(), v.expected());
            }
            failed.add(prefix);
            return null;
        }
    }

    /** Reports the overrides no field used, with the nearest field path when one is close. */
    void reportUnusedOverrides() {
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String path = e.getKey();
            String normal = normalised(path);
            String message;
            if (containerPaths.contains(normal)) {
                message = "holds an object or a list and cannot be set as a whole (expected: one of its fields, "
                        + valuePaths.stream().filter(p -> p.startsWith(normal + ".")).findFirst()
                                .map(p -> "e.g. " + p).orElse("e.g. " + normal + ".KEY") + ")";
            } else if (normal.contains("[]")) {
                message = "no such entry in the file's list (expected: an index the file has, counting from 0)";
            } else {
                String hint = Suggestions.didYouMean(path, valuePaths);
                message = "unknown field (" + (hint.isEmpty() ? "expected: a field path such as load.connections" : hint) + ")";
            }
            problems.add(new ScenarioProblem(Overrides.SOURCE, 0, 0, path, message));
        }
        overrides.clear();
    }

    /** Problems in the file by line and column, then those from the command line in the order given. */
    List<ScenarioProblem> problems() {
        List<ScenarioProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((ScenarioProblem p) -> !p.located())
                .thenComparingInt(ScenarioProblem::line)
                .thenComparingInt(ScenarioProblem::column)
                .thenComparingInt(this::orderGiven));
        return sorted;
    }

    /** Where on the command line the override a problem is about was given; unrelated problems last. */
    private int orderGiven(ScenarioProblem p) {
        if (p.located() || !p.source().equals(Overrides.SOURCE)) {
            return 0;
        }
        int exact = overrideOrder.indexOf(p.path());
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < overrideOrder.size(); i++) { // e.g. thresholds.x set, thresholds.x[0] reported
            if (p.path().startsWith(overrideOrder.get(i))) {
                return i;
            }
        }
        return overrideOrder.size();
    }

    static Json.Position nowhere() {
        return NOWHERE;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }
}
