package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Rules;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Threshold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finished run with its thresholds judged: what every report file is written from.
 *
 * @param result what the run measured
 * @param thresholds the scenario's thresholds in file order, then the extra ones (e.g. from
 *     {@code --threshold}), each judged against the result's {@code result.json} document
 */
public record RunReport(RunResult result, List<ThresholdResult> thresholds) {
    public RunReport {
        Objects.requireNonNull(result, "result");
        thresholds = List.copyOf(thresholds);
    }

    /** {@code result} with the scenario's thresholds judged. */
    public static RunReport of(RunResult result) {
        return of(result, List.of());
    }

    /**
     * {@code result} with the scenario's thresholds and then {@code extraThresholds} judged against
     * its {@code result.json} document.
     */
    public static RunReport of(RunResult result, List<Threshold> extraThresholds) {
        List<Threshold> all = new ArrayList<>(result.scenario().thresholds());
        all.addAll(extraThresholds);
        // Thresholds read the measured part of the document, never the scenario, so any folder will do.
        var document = ResultJson.measured(result, Path.of(""));
        return new RunReport(result, ThresholdEvaluation.evaluate(document, all));
    }

    /** Whether every threshold passed (true when there are none); false means exit code 99. */
    public boolean passed() {
        return ThresholdEvaluation.allPassed(thresholds);
    }

    /**
     * The run's findings in the order they are told ({@link Rules#order}): what makes the numbers
     * unreliable first, then red, yellow, green; in the order the rules gave within each.
     */
    public List<Finding> findingsWorstFirst() {
        return worstFirst(result.findings());
    }

    static List<Finding> worstFirst(List<Finding> findings) {
        return Rules.order(findings);
    }

    /** The thresholds that failed, in order. */
    public List<ThresholdResult> failedThresholds() {
        return thresholds.stream().filter(t -> !t.passed()).toList();
    }
}
