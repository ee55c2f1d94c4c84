package dev.loupe.engine.telemetry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Telemetry sits beside the server and the measurements, below the run that drives it: it may use
 * {@code measure}, {@code scenario}, {@code server} and the small utility packages, never the run,
 * its reports, the CLI or the analysis that reads telemetry's output.
 */
class TelemetryLayeringTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loupe.engine");
    }

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
