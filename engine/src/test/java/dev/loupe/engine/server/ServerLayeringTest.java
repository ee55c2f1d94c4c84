package dev.loupe.engine.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.junit.jupiter.api.Test;

/**
 * The server packages build on each other in one direction: the API ({@code server}) knows none of
 * its sub-packages; the HTTP core knows only the API; workloads know only the API; the variant
 * packages are reached only through {@link java.util.ServiceLoader}.
 */
class ServerLayeringTest {
    private static final JavaClasses engine = EngineClasses.all();

    @Test
    void theApiKnowsNoneOfItsImplementations() {
        noClasses().that().resideInAPackage("dev.loupe.engine.server")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.server.http..", "dev.loupe.engine.server.blocking..",
                        "dev.loupe.engine.server.jdk..", "dev.loupe.engine.server.workload..")
                .because("variants and workloads plug in; the API must not name them")
                .check(engine);
    }

    @Test
    void theHttpCoreKnowsOnlyTheApi() {
        noClasses().that().resideInAPackage("dev.loupe.engine.server.http..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.server.blocking..", "dev.loupe.engine.server.jdk..",
                        "dev.loupe.engine.server.workload..", "dev.loupe.engine.cli..")
                .because("the core is shared by every transport and must stay transport-neutral")
                .check(engine);
    }

    @Test
    void workloadsKnowOnlyTheApi() {
        noClasses().that().resideInAPackage("dev.loupe.engine.server.workload..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.server.http..", "dev.loupe.engine.server.blocking..",
                        "dev.loupe.engine.server.jdk..")
                .because("a workload runs unchanged on every variant")
                .check(engine);
    }

    @Test
    void variantsAreReachedOnlyThroughTheServiceLoader() {
        noClasses().that().resideOutsideOfPackage("dev.loupe.engine.server.blocking..")
                .should().dependOnClassesThat().resideInAPackage("dev.loupe.engine.server.blocking..")
                .because("callers pick variants by name through ServerVariants")
                .check(engine);
    }

    @Test
    void theJdkVariantIsReachedOnlyThroughTheServiceLoader() {
        noClasses().that().resideOutsideOfPackage("dev.loupe.engine.server.jdk..")
                .should().dependOnClassesThat().resideInAPackage("dev.loupe.engine.server.jdk..")
                .because("callers pick variants by name through ServerVariants")
                .check(engine);
    }

    @Test
    void everyServerPackageSaysWhatItIsAndWhoMayCallIt() throws Exception {
        for (String p : new String[] {"", ".http", ".blocking", ".jdk", ".workload"}) {
            assertThat(Class.forName("dev.loupe.engine.server" + p + ".package-info")).isNotNull();
        }
        assertThat(engine.containPackage("dev.loupe.engine.server.blocking")).as("control: the import saw it").isTrue();
    }
}
