package dev.loupe.engine.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Reports are functions of a result: they never start servers, drive load, or parse a command line. */
class ReportLayeringTest {
    @Test
    void reportsReadResultsAndNothingThatRuns() {
        JavaClasses report = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loupe.engine.report");
        // Control: a rule checked against no classes passes trivially.
        org.assertj.core.api.Assertions.assertThat(report.contain(RunReport.class)).isTrue();

        noClasses().that().resideInAPackage("dev.loupe.engine.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.cli..", "dev.loupe.engine.server..", "dev.loupe.engine.load..",
                        "dev.loupe.engine.telemetry..")
                .because("a report is a pure function of a RunResult")
                .check(report);
    }
}
