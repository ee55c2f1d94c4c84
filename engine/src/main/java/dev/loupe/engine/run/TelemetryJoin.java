package dev.loupe.engine.run;

import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetryReport;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the JVM's seconds beside the clients' at the end of a run: each load interval gets the
 * telemetry entries that overlap it, merged. Both series count milliseconds from the same start and
 * begin their seconds on whole seconds, so a second meets its own second; an interval shorter than a
 * second (the warm-up ends inside one) shows the whole JVM second it falls in, and the last interval
 * also takes what the JVM did while the run wound down.
 */
public final class TelemetryJoin {
    private TelemetryJoin() {}

    static List<SecondInterval> join(List<SecondInterval> load, TelemetryReport jvm) {
        return jvm == null ? load : join(load, jvm.seconds());
    }

    /** The same with the JVM's seconds that arrived so far (a live join: the newest load seconds stay bare). */
    public static List<SecondInterval> join(List<SecondInterval> load, List<TelemetrySecond> seconds) {
        if (seconds.isEmpty()) {
            return load;
        }
        List<SecondInterval> joined = new ArrayList<>(load.size());
        int first = 0;
        for (int i = 0; i < load.size(); i++) {
            SecondInterval interval = load.get(i);
            boolean last = i == load.size() - 1;
            while (first < seconds.size() && seconds.get(first).endMs() <= interval.startMs()) {
                first++;
            }
            TelemetrySecond merged = null;
            for (int j = first; j < seconds.size() && (last || seconds.get(j).startMs() < interval.endMs()); j++) {
                merged = merged == null ? seconds.get(j) : TelemetrySecond.merge(merged, seconds.get(j));
            }
            joined.add(merged == null ? interval : interval.withTelemetry(merged));
        }
        return joined;
    }
}
