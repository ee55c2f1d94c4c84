package dev.loupe.engine.report.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.report.JsonSupport;
import dev.loupe.engine.report.compare.Comparison.Row;
import java.util.List;
import java.util.Locale;

/**
 * The comparison for machines ({@code --json}): {@code schemaVersion}, {@code base[]} and {@code
 * candidate[]} (the runs as given), {@code maxRegressionPct}, {@code alpha}, {@code basis} ({@code
 * seconds} or {@code runs}), {@code verdict} ({@code regression}, {@code improvement} or {@code
 * no-change}) with its {@code reasons[]}, {@code warnings[]}, {@code metrics[{metric, better, base,
 * candidate, deltaPct, pValue, change}]} and {@code findingsAppeared[]}/{@code findingsGone[]}
 * ({@code {rule, severity, title}}).
 */
public final class ComparisonJson {
    public static final int SCHEMA_VERSION = 1;

    private ComparisonJson() {}

    /** The file's text. */
    public static String render(Comparison c) {
        ObjectNode root = JsonSupport.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        strings(root.putArray("base"), c.base());
        strings(root.putArray("candidate"), c.candidate());
        root.put("maxRegressionPct", c.maxRegressionPct());
        root.put("alpha", Comparison.ALPHA);
        root.put("basis", word(c.basis()));
        root.put("verdict", word(c.verdict().kind()));
        strings(root.putArray("reasons"), c.verdict().reasons());
        strings(root.putArray("warnings"), c.warnings());
        ArrayNode metrics = root.putArray("metrics");
        for (Row row : c.rows()) {
            ObjectNode m = metrics.addObject();
            m.put("metric", row.metric());
            m.put("better", word(row.better()));
            m.put("base", row.base());
            m.put("candidate", row.candidate());
            if (row.deltaPct() == null) {
                m.putNull("deltaPct");
            } else {
                m.put("deltaPct", Math.round(row.deltaPct() * 1000) / 1000.0);
            }
            if (row.pValue() == null) {
                m.putNull("pValue");
            } else {
                m.put("pValue", Double.parseDouble(String.format(Locale.ROOT, "%.3g", row.pValue())));
            }
            m.put("change", word(row.change()));
        }
        findings(root.putArray("findingsAppeared"), c.appeared());
        findings(root.putArray("findingsGone"), c.gone());
        return JsonSupport.pretty(root);
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    private static void findings(ArrayNode into, List<RunSample.FoundIssue> issues) {
        for (RunSample.FoundIssue f : issues) {
            into.addObject().put("rule", f.rule()).put("severity", f.severity()).put("title", f.title());
        }
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
