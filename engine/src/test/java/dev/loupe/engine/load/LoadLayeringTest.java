package dev.loupe.engine.load;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Measurement knows nothing of sockets; the load generator knows nothing of the command line. */
class LoadLayeringTest {
    private static final JavaClasses ENGINE = EngineClasses.all();

    @Test
    void measureDependsOnNeitherLoadNorCli() {
        noClasses().that().resideInAPackage("dev.loupe.engine.measure..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.loupe.engine.load..", "dev.loupe.engine.cli..")
                .check(ENGINE);
    }

    @Test
    void loadDoesNotDependOnCli() {
        noClasses().that().resideInAPackage("dev.loupe.engine.load..")
                .should().dependOnClassesThat().resideInAPackage("dev.loupe.engine.cli..")
                .check(ENGINE);
    }

    @Test
    void neverTheJdkHttpClient() {
        noClasses().that().resideInAPackage("dev.loupe.engine.load..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .because("java.net.http.HttpClient drives load several times slower than plain NIO on loopback")
                .check(ENGINE);
    }

    @Test
    void theImportSawBothPackages() {
        Assertions.assertThat(ENGINE.containPackage("dev.loupe.engine.load")).isTrue();
        Assertions.assertThat(ENGINE.containPackage("dev.loupe.engine.measure")).isTrue();
    }
}
