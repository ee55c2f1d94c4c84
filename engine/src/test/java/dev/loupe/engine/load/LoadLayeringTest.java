package dev.loupe.engine.load;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The load generator never drives load through the JDK's HTTP client (the package graph is {@code LayeringTest}'s). */
class LoadLayeringTest {
    private static final JavaClasses ENGINE = EngineClasses.all();

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
