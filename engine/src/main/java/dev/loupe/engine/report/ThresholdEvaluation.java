package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.scenario.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges thresholds against a {@code result.json} document. A metric is a dotted path to a number
 * in the document ({@code summary.latencyMs.p99}, {@code summary.errors.total},
 * {@code telemetry.gc.pauses}, …) or one of the derived counts {@code findings.red} and
 * {@code findings.yellow}: how many findings have that severity.
 *
 * <p>A metric that leads to no number — a part the result does not have (no {@code telemetry} in a
 * run without it, no {@code jobs} for an HTTP workload), or a value that is not a number — is a
 * failed threshold with no actual value and a note saying what was missing, never an exception: a
 * CI gate must not pass because the number it guards went missing.
 */
public final class ThresholdEvaluation {
    /** The derived counts that are not paths in the document. */
    static final String FINDINGS_PREFIX = "findings.";

    private ThresholdEvaluation() {}

    /** Each threshold judged, in the given order. */
    public static List<ThresholdResult> evaluate(JsonNode document, List<Threshold> thresholds) {
        List<ThresholdResult> results = new ArrayList<>(thresholds.size());
        for (Threshold t : thresholds) {
            results.add(evaluate(document, t));
        }
        return List.copyOf(results);
    }

    /** One threshold judged. */
    public static ThresholdResult evaluate(JsonNode document, Threshold threshold) {
        Lookup found = lookup(document, threshold.metric());
        return switch (found) {
            case Lookup.Number n -> ThresholdResult.measured(threshold, n.value());
            case Lookup.Missing m -> ThresholdResult.unresolved(threshold, m.note());
        };
    }

    /** Whether every threshold passed (true for none). */
    public static boolean allPassed(List<ThresholdResult> results) {
        return results.stream().allMatch(ThresholdResult::passed);
    }

    /** What a metric resolved to. */
    sealed interface Lookup {
        record Number(double value) implements Lookup {}

        record Missing(String note) implements Lookup {}
    }

    static Lookup lookup(JsonNode document, String metric) {
        Optional<Severity> derived = derivedSeverity(metric);
        if (derived.isPresent()) {
            return countFindings(document, derived.get());
        }
        JsonNode node = document;
        String[] steps = metric.split("\\.", -1);
        StringBuilder walked = new StringBuilder();
        for (String step : steps) {
            if (!node.isObject()) {
                String at = walked.isEmpty() ? "result.json" : walked.toString();
                return new Lookup.Missing(at + " is " + kind(node) + ", not an object with " + step);
            }
            JsonNode child = node.get(step);
            String parent = walked.isEmpty() ? "result.json" : walked.toString();
            if (walked.length() > 0) {
                walked.append('.');
            }
            walked.append(step);
            if (child == null || child.isMissingNode() || (child.isNull() && !hint(walked.toString()).isEmpty())) {
                return new Lookup.Missing(parent + " has no " + step + hint(walked.toString()));
            }
            node = child;
        }
        if (!node.isNumber()) {
            return new Lookup.Missing(metric + " is " + kind(node) + ", not a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            return new Lookup.Missing(metric + " is " + value + ", not a finite number");
        }
        return new Lookup.Number(value);
    }

    private static Optional<Severity> derivedSeverity(String metric) {
        if (metric.equals(FINDINGS_PREFIX + Severity.RED)) {
            return Optional.of(Severity.RED);
        }
        if (metric.equals(FINDINGS_PREFIX + Severity.YELLOW)) {
            return Optional.of(Severity.YELLOW);
        }
        return Optional.empty();
    }

    private static Lookup countFindings(JsonNode document, Severity severity) {
        JsonNode findings = document.get("findings");
        if (findings == null || !findings.isArray()) {
            return new Lookup.Missing("result.json has no findings list");
        }
        int n = 0;
        for (JsonNode f : findings) {
            if (severity.toString().equals(f.path("severity").asText())) {
                n++;
            }
        }
        return new Lookup.Number(n);
    }

    /** Why a top-level part may be missing. */
    private static String hint(String path) {
        return switch (path) {
            case "telemetry" -> " (telemetry was off, or this result predates it)";
            case "jobs" -> " (only job workloads report jobs)";
            default -> "";
        };
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BINARY, POJO, MISSING -> "not a JSON value";
        };
    }
}
