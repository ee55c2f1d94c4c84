package dev.loupe.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesTest {

    @Test
    void parsesPathEqualsValueSplittingAtTheFirstEquals() throws Exception {
        Overrides o = Overrides.parse(List.of("load.connections=50", "thresholds.findings.red===0", "name="));
        assertThat(o.values()).containsExactly(
                Map.entry("load.connections", "50"), Map.entry("thresholds.findings.red", "==0"), Map.entry("name", ""));
    }

    @Test
    void aLaterValueForThePathWins() throws Exception {
        Overrides o = Overrides.parse(List.of("load.connections=50", "load.duration=5s", "load.connections=60"));
        assertThat(o.values()).containsExactly(Map.entry("load.duration", "5s"), Map.entry("load.connections", "60"));
        assertThat(o.with("load.duration", "9s").values()).containsEntry("load.duration", "9s");
        assertThat(o.values()).as("immutable").containsEntry("load.duration", "5s");
    }

    @Test
    void refusesEveryAssignmentWithoutAPathOrAnEquals() {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> Overrides.parse(List.of("load.connections", "=5", "ok=1")));
        assertThat(e.problems()).map(ScenarioProblem::toString).containsExactly(
                "--set: \"load.connections\" (expected: PATH=VALUE, e.g. load.connections=50)",
                "--set: \"=5\" (expected: PATH=VALUE, e.g. load.connections=50)");
    }
}
