package dev.loupe.engine.run;

import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioCatalog;
import dev.loupe.engine.scenario.ScenarioReader;
import java.nio.file.Path;

/** Scenarios for tests, from JSON text as a user would write them. */
final class Scenarios {
    private Scenarios() {}

    static Scenario parse(String json) {
        return parse(json, Path.of("."));
    }

    static Scenario parse(String json, Path dir) {
        try {
            return new ScenarioReader(RunCatalog.installed()).read(json, "test.json", dir, Overrides.none());
        } catch (InvalidScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A scenario read with no catalog: only the file's own rules, for tests of what a catalog admits. */
    static Scenario syntaxOnly(String json) {
        try {
            return new ScenarioReader(ScenarioCatalog.syntaxOnly()).read(json, "test.json", Path.of("."), Overrides.none());
        } catch (InvalidScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A short healthy run: virtual threads, hello, a few connections. */
    static Scenario quick(String load) {
        return parse("""
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": %s}
                """.formatted(load));
    }
}
