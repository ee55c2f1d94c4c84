package dev.loupe.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The engine runs headless: it must never reach for JavaFX, AWT windows or the dashboard. */
class ArchitectureTest {
    private static final JavaClasses engine = EngineClasses.all();

    @Test
    void engineNeverDependsOnJavaFx() {
        noClasses().that().resideInAPackage("dev.loupe.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.jfree.chart.fx..")
                .because("the engine runs headless in CI and from the command line")
                .check(engine);
    }

    @Test
    void engineNeverDependsOnTheDashboard() {
        noClasses().that().resideInAPackage("dev.loupe.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.loupe.app..")
                .because("the dashboard depends on the engine, never the reverse")
                .check(engine);
    }

    @Test
    void enginePackagesFormNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.loupe.engine.(*)..")
                .should().beFreeOfCycles()
                .because("each package is a layer: scenario and units below server, run below report and cli")
                .check(engine);
    }

    @Test
    void theImportSawTheEngine() {
        // Control: a rule checked against no classes passes trivially.
        org.assertj.core.api.Assertions.assertThat(engine.containPackage("dev.loupe.engine.cli")).isTrue();
    }
}
