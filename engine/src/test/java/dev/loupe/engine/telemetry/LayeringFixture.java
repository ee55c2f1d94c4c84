package dev.loupe.engine.telemetry;

import dev.loupe.engine.scenario.TelemetrySettings;

/** A class that breaks the layering on purpose, so {@code LayeringTest} can show its rule fails; never used. */
final class LayeringFixture {
    private LayeringFixture() {}

    static TelemetryOptions options(TelemetrySettings settings) {
        return settings.options();
    }
}
