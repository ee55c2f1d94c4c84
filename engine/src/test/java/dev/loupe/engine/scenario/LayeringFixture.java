package dev.loupe.engine.scenario;

import dev.loupe.engine.server.ServerVariants;
import java.util.List;

/** A class that breaks the layering on purpose, so {@code LayeringTest} can show its rule fails; never used. */
final class LayeringFixture {
    private LayeringFixture() {}

    static List<String> variants() {
        return ServerVariants.names();
    }
}
