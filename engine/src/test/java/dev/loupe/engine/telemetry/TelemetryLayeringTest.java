package dev.loupe.engine.telemetry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.junit.jupiter.api.Test;

/**
 * Telemetry sits beside the server and the measurements, below the run that drives it: it may use
 * {@code measure}, {@code scenario}, {@code server} and the small utility packages, never the run,
 * its reports, the CLI or the analysis that reads telemetry's output.
 */
class TelemetryLayeringTest {
    private static final JavaClasses engine = EngineClasses.all();

    @Test
    void telemetryKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.loupe.engine.telemetry..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.run..", "dev.loupe.engine.report..", "dev.loupe.engine.cli..",
                        "dev.loupe.engine.analysis..")
                .because("the run drives telemetry and the analysis reads it; the reverse would be a cycle")
                .check(engine);
    }
}
