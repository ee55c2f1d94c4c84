package dev.loupe.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.loupe.app.fixture.ViewStartingARun;
import dev.loupe.engine.fixture.ReachesJavaFx;
import org.junit.jupiter.api.Test;

/**
 * View-models hold state and logic and only views touch JavaFX controls and layouts; the engine,
 * which the app runs on, never reaches JavaFX. The app's classpath is the one that has both the
 * engine and JavaFX, so the engine's side of that rule is checked here too, with a control.
 */
class AppArchitectureTest {
    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.loupe.app");

    private static final ArchRule ENGINE_WITHOUT_JAVAFX = noClasses()
            .that().resideInAPackage("dev.loupe.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.jfree.chart.fx..")
            .because("the engine runs headless: in CI, on servers without a display, from the command line");

    @Test
    void viewModelsNeverTouchControlsOrScenes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a view-model is tested without a window; the view binds it to controls")
                .check(app);
    }

    private static final ArchRule ONLY_THE_RUN_VIEW_MODEL_DRIVES_SESSIONS = noClasses()
            .that().resideOutsideOfPackage("dev.loupe.app.run..")
            .should().dependOnClassesThat().belongToAnyOf(dev.loupe.engine.session.RunSession.class)
            .because("views and other view-models drive a run only through RunViewModel's commands and read its properties");

    @Test
    void viewsReachARunOnlyThroughItsViewModel() {
        ONLY_THE_RUN_VIEW_MODEL_DRIVES_SESSIONS.check(app);
        JavaClasses control = new ClassFileImporter().importClasses(ViewStartingARun.class);
        assertThat(ONLY_THE_RUN_VIEW_MODEL_DRIVES_SESSIONS.evaluate(control).hasViolation()).as("control: the rule can fail").isTrue();
    }

    @Test
    void whatTheChartsHoldIsTestedWithoutAWindow() {
        noClasses().that().resideInAPackage("dev.loupe.app.live..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
                .because("rings, the feed and the lamp are plain Java, tested with synthetic feeds")
                .check(app);
    }

    @Test
    void theEngineNeverReachesJavaFx() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loupe.engine");
        assertThat(engine.containPackage("dev.loupe.engine.run")).as("the import saw the engine's jar").isTrue();
        ENGINE_WITHOUT_JAVAFX.check(engine);

        JavaClasses control = new ClassFileImporter().importClasses(ReachesJavaFx.class);
        assertThat(ENGINE_WITHOUT_JAVAFX.evaluate(control).hasViolation()).as("control: the rule can fail").isTrue();
    }
}
