package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.telemetry.HeapGuard;
import java.util.Locale;

/** The red finding of a run the heap guard stopped. */
final class GuardFinding {
    static final String RULE = "heap-guard";

    private GuardFinding() {}

    static Finding of(HeapGuard.Trip trip, long stoppedAtMs) {
        return new Finding(RULE, Severity.RED,
                String.format(Locale.ROOT, "Heap guard stopped the run: %.1f %% of the max heap stayed in use after GC",
                        trip.afterGcPct()),
                String.format(Locale.ROOT, "After a %s collection %.1f MB of %.1f MB stayed in use (%.1f %%);"
                        + " the limit is %.0f %%. The guard stopped the run at %.1f s.", trip.collector(), trip.afterGcMb(),
                        trip.maxMb(), trip.afterGcPct(), trip.limitPct(), stoppedAtMs / 1000.0),
                "Something keeps objects alive: see whether the heap after GC climbs second by second (a leak)"
                        + " and which classes the allocation samples in recording.jfr name. Give the JVM more heap"
                        + " (-Xmx) only if this much live data is expected. The limit is telemetry.heapGuardPct.");
    }
}
