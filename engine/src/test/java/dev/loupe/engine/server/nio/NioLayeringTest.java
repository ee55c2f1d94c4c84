package dev.loupe.engine.server.nio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.junit.jupiter.api.Test;

/**
 * The NIO package's place in the server layering (the same rules {@code ServerLayeringTest} states for
 * the blocking package): reached only through {@link java.util.ServiceLoader}, and built only on the
 * server API and the HTTP core, never on a sibling transport or the workloads.
 */
class NioLayeringTest {
    private static final JavaClasses engine = EngineClasses.all();

    @Test
    void nothingOutsideReachesIntoIt() {
        noClasses().that().resideOutsideOfPackage("dev.loupe.engine.server.nio..")
                .should().dependOnClassesThat().resideInAPackage("dev.loupe.engine.server.nio..")
                .because("callers pick variants by name through ServerVariants")
                .check(engine);
    }

    @Test
    void itBuildsOnlyOnTheApiAndTheHttpCore() {
        noClasses().that().resideInAPackage("dev.loupe.engine.server.nio..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.server.blocking..", "dev.loupe.engine.server.workload..",
                        "dev.loupe.engine.cli..", "dev.loupe.engine.load..", "dev.loupe.engine.run..")
                .because("a transport shares only the HTTP core with its siblings")
                .check(engine);
        assertThat(engine.containPackage("dev.loupe.engine.server.nio")).as("control: the import saw it").isTrue();
    }

    @Test
    void itSaysWhatItIsAndWhoMayCallIt() throws Exception {
        assertThat(Class.forName("dev.loupe.engine.server.nio.package-info")).isNotNull();
    }
}
