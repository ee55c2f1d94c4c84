package dev.loupe.engine.series;

import dev.loupe.engine.run.RunResult;

/** A class that breaks the layering on purpose, so {@code LayeringTest} can show its rule fails; never used. */
final class LayeringFixture {
    private LayeringFixture() {}

    static int intervals(RunResult result) {
        return result.intervals().size();
    }
}
