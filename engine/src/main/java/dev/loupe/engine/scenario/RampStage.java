package dev.loupe.engine.scenario;

import java.time.Duration;

/**
 * One stage of a ramp schedule: over {@code duration}, the arrival rate moves linearly from where
 * the previous stage ended (or from {@code load.rateRps}) to {@code rateRps}. After the last stage
 * the rate holds until {@code load.duration} ends.
 *
 * @param duration how long the stage lasts
 * @param rateRps the arrival rate at the stage's end, in requests per second
 */
public record RampStage(Duration duration, double rateRps) {
    public RampStage {
        FieldChecks checks = new FieldChecks("load.stages[]");
        checks.range(ScenarioLimits.STAGE_DURATION, duration);
        checks.range(ScenarioLimits.STAGE_RATE_RPS, rateRps);
        checks.done();
    }
}
