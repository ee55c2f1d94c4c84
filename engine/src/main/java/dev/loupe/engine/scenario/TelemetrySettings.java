package dev.loupe.engine.scenario;

import dev.loupe.engine.telemetry.TelemetryOptions;
import java.time.Duration;

/**
 * What the JVM side records while the load runs: the {@code telemetry} object of a scenario file.
 *
 * @param enabled whether JFR streaming and the delay probes run at all
 * @param lockThreshold shortest monitor wait ({@code jdk.JavaMonitorEnter}) or park ({@code jdk.ThreadPark}) recorded
 * @param sleepThreshold shortest {@code Thread.sleep} ({@code jdk.ThreadSleep}) recorded
 * @param executionSamplePeriod how often JFR samples running threads' stacks ({@code jdk.ExecutionSample})
 * @param saveRecording whether the run folder keeps the {@code recording.jfr} file
 * @param heapGuardPct the share of the max heap, in percent, that the heap after GC may not pass: a
 *     run that passes it is stopped and reported red; the guard stays on when {@code enabled} is false
 */
public record TelemetrySettings(
        boolean enabled,
        Duration lockThreshold,
        Duration sleepThreshold,
        Duration executionSamplePeriod,
        boolean saveRecording,
        double heapGuardPct) {

    public TelemetrySettings {
        FieldChecks checks = new FieldChecks("telemetry");
        checks.range(ScenarioLimits.LOCK_THRESHOLD, lockThreshold);
        checks.range(ScenarioLimits.SLEEP_THRESHOLD, sleepThreshold);
        checks.range(ScenarioLimits.EXECUTION_SAMPLE_PERIOD, executionSamplePeriod);
        checks.range(ScenarioLimits.HEAP_GUARD_PCT, heapGuardPct);
        checks.done();
    }

    /** These settings with telemetry switched on or off (the heap guard stays). */
    public TelemetrySettings withEnabled(boolean on) {
        return new TelemetrySettings(on, lockThreshold, sleepThreshold, executionSamplePeriod, saveRecording, heapGuardPct);
    }

    /** What the JFR stream records, as telemetry takes it. */
    public TelemetryOptions options() {
        return new TelemetryOptions(lockThreshold, sleepThreshold, executionSamplePeriod);
    }

    /** The defaults of {@link ScenarioDefaults}. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(ScenarioDefaults.TELEMETRY_ENABLED, ScenarioDefaults.LOCK_THRESHOLD,
                ScenarioDefaults.SLEEP_THRESHOLD, ScenarioDefaults.EXECUTION_SAMPLE_PERIOD,
                ScenarioDefaults.SAVE_RECORDING, ScenarioDefaults.HEAP_GUARD_PCT);
    }
}
