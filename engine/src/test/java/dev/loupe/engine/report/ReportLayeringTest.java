package dev.loupe.engine.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Reports are functions of a result: they never start servers, drive load, record telemetry, or parse a
 * command line.
 */
class ReportLayeringTest {
    /** Telemetry's moving parts: anything in the package that is not a record of what was measured (or an enum naming one). */
    private static final DescribedPredicate<JavaClass> RUNNING_TELEMETRY = new DescribedPredicate<>(
            "are telemetry classes other than result records and enums") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().startsWith("dev.loupe.engine.telemetry") && !c.isRecord() && !c.isEnum();
        }
    };

    @Test
    void reportsReadResultsAndNothingThatRuns() {
        JavaClasses report = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loupe.engine.report");
        // Control: a rule checked against no classes passes trivially.
        org.assertj.core.api.Assertions.assertThat(report.contain(RunReport.class)).isTrue();

        noClasses().that().resideInAPackage("dev.loupe.engine.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.cli..", "dev.loupe.engine.server..", "dev.loupe.engine.load..")
                .because("a report is a pure function of a RunResult")
                .check(report);
        noClasses().that().resideInAPackage("dev.loupe.engine.report..")
                .should().dependOnClassesThat(RUNNING_TELEMETRY)
                .because("a report reads the telemetry a result carries (its records), never the session that records it")
                .check(report);
    }
}
