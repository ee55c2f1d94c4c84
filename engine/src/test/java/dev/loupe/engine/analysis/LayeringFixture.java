package dev.loupe.engine.analysis;

/** A class that breaks the layering on purpose, so {@code LayeringTest} can show its rule fails; never used. */
final class LayeringFixture {
    private LayeringFixture() {}

    static boolean eventLoop(RunFacts facts) {
        return facts.scenario().server().variant().equals("event-loop");
    }
}
