package dev.loupe.engine.telemetry;

import dev.loupe.engine.checks.ArgumentChecks;
import java.time.Duration;

/**
 * What the JFR stream records, as telemetry takes it; the bounds below are the ones a scenario's
 * {@code telemetry} object is checked against. Telemetry has its own options, so it reads no scenario
 * type and can be configured by any caller (a scenario run, a recording opened later).
 *
 * @param lockThreshold shortest monitor wait ({@code jdk.JavaMonitorEnter}) or park ({@code jdk.ThreadPark}) recorded
 * @param sleepThreshold shortest {@code Thread.sleep} ({@code jdk.ThreadSleep}) recorded
 * @param executionSamplePeriod how often JFR samples running threads' stacks ({@code jdk.ExecutionSample})
 */
public record TelemetryOptions(Duration lockThreshold, Duration sleepThreshold, Duration executionSamplePeriod) {
    /** The longest lock or sleep threshold: a longer one would record almost nothing. */
    public static final Duration MAX_THRESHOLD = Duration.ofSeconds(10);
    /** The shortest stack sampling period JFR is asked for. */
    public static final Duration MIN_SAMPLE_PERIOD = Duration.ofMillis(1);
    /** The longest stack sampling period. */
    public static final Duration MAX_SAMPLE_PERIOD = Duration.ofSeconds(10);
    /** The default lock threshold: 1 ms, not JFR's 20 ms, so short contention shows. */
    public static final Duration DEFAULT_LOCK_THRESHOLD = Duration.ofMillis(1);
    /** The default sleep threshold. */
    public static final Duration DEFAULT_SLEEP_THRESHOLD = Duration.ofMillis(1);
    /** JFR's own default stack sampling period. */
    public static final Duration DEFAULT_SAMPLE_PERIOD = Duration.ofMillis(20);
    /** The defaults above. */
    public static final TelemetryOptions DEFAULTS =
            new TelemetryOptions(DEFAULT_LOCK_THRESHOLD, DEFAULT_SLEEP_THRESHOLD, DEFAULT_SAMPLE_PERIOD);

    public TelemetryOptions {
        ArgumentChecks.notNegative("lockThreshold", lockThreshold);
        ArgumentChecks.notNegative("sleepThreshold", sleepThreshold);
        ArgumentChecks.positive("executionSamplePeriod", executionSamplePeriod);
    }
}
