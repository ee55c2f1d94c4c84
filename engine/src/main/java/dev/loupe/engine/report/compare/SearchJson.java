package dev.loupe.engine.report.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.report.JsonSupport;
import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunResult;

/**
 * A search's {@code search.json}: {@code schemaVersion}, {@code scenario}, {@code slo[]}, {@code
 * startRps}, {@code maxRps}, {@code precisionPct}, {@code highestPassingRps} and {@code
 * lowestFailingRps} (null when none), {@code generatorLimited}, {@code interrupted} and {@code
 * steps[{step, rateRps, verdict, folder, problem, throughputRps, latencyMs{p50, p99}, errorRatePct,
 * slo[{metric, condition, actual, passed}]}]}.
 */
public final class SearchJson {
    public static final String FILE_NAME = "search.json";
    public static final int SCHEMA_VERSION = 1;

    private SearchJson() {}

    /** The file's text. */
    public static String render(SearchResult s) {
        ObjectNode root = JsonSupport.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("scenario", s.scenario());
        ArrayNode slo = root.putArray("slo");
        s.spec().slo().forEach(t -> slo.add(t.toString()));
        root.put("startRps", s.spec().startRps());
        root.put("maxRps", s.spec().maxRps());
        root.put("precisionPct", s.spec().precisionPct());
        if (s.highestPassingRps().isPresent()) {
            root.put("highestPassingRps", s.highestPassingRps().getAsDouble());
        } else {
            root.putNull("highestPassingRps");
        }
        if (s.lowestFailingRps().isPresent()) {
            root.put("lowestFailingRps", s.lowestFailingRps().getAsDouble());
        } else {
            root.putNull("lowestFailingRps");
        }
        root.put("generatorLimited", s.generatorLimited());
        root.put("interrupted", s.interrupted());
        ArrayNode steps = root.putArray("steps");
        for (SearchStep step : s.steps()) {
            ObjectNode o = steps.addObject();
            o.put("step", step.index() + 1);
            o.put("rateRps", step.rateRps());
            o.put("verdict", step.verdict().toString());
            o.put("folder", step.folder());
            if (step.problem().isPresent()) {
                o.put("problem", step.problem().get());
            } else {
                o.putNull("problem");
            }
            if (step.result().isPresent()) {
                RunResult r = step.result().get();
                o.put("throughputRps", r.summary().throughputRps());
                o.putObject("latencyMs").put("p50", r.summary().latencyMs().p50()).put("p99", r.summary().latencyMs().p99());
                o.put("errorRatePct", r.summary().errorRatePct());
            } else {
                o.putNull("throughputRps");
                o.putNull("latencyMs");
                o.putNull("errorRatePct");
            }
            ArrayNode judged = o.putArray("slo");
            for (ThresholdResult t : step.slo()) {
                ObjectNode j = judged.addObject().put("metric", t.metric()).put("condition", t.condition());
                if (t.actual().isPresent()) {
                    j.put("actual", t.actual().getAsDouble());
                } else {
                    j.putNull("actual");
                }
                j.put("passed", t.passed());
            }
        }
        return JsonSupport.pretty(root);
    }
}
