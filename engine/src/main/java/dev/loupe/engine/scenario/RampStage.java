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
        Checks checks = new Checks("load.stages[]");
        checks.range("duration", duration, Duration.ofMillis(1), Duration.ofHours(24));
        checks.range("rateRps", rateRps, 0, LoadSettings.MAX_RATE_RPS);
        checks.done();
    }
}
