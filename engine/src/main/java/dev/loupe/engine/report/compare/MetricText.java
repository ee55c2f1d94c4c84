package dev.loupe.engine.report.compare;

import dev.loupe.engine.units.Numbers;
import java.util.regex.Pattern;

/** A metric's value in its unit, which its path names ({@code summary.latencyMs.p99} is in ms). */
public final class MetricText {
    private static final Pattern MS = Pattern.compile(".*Ms(Total|Max|Min|Mean)?$");
    private static final Pattern PCT = Pattern.compile(".*Pct(Max|Mean)?$");
    private static final Pattern MB = Pattern.compile(".*Mb(Max|Min)?$");

    private MetricText() {}

    public static String value(String metric, double v) {
        String[] parts = metric.split("\\.");
        String last = parts[parts.length - 1];
        String parent = parts.length > 1 ? parts[parts.length - 2] : "";
        if (last.endsWith("MbPerS")) {
            return Numbers.significant(v) + " MB/s";
        }
        if (last.endsWith("SlopePerMin")) {
            return Numbers.significant(v) + " MB/min";
        }
        if (last.endsWith("Rps")) {
            return Numbers.rateRps(v);
        }
        if (MS.matcher(last).matches() || parent.endsWith("Ms")) {
            return Numbers.latencyMs(v);
        }
        if (PCT.matcher(last).matches()) {
            return Numbers.percent(v);
        }
        if (MB.matcher(last).matches()) {
            return Numbers.megabytes(v);
        }
        if (last.equals("durationS")) {
            return Numbers.seconds(v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Numbers.count((long) v) : Numbers.significant(v);
    }
}
