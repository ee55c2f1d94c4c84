package dev.loupe.engine;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.loupe.engine.scenario.ServerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's package graph, as docs/architecture.md draws it: each package lists the engine
 * packages it may use, and nothing else of the engine. Three rules go further than the graph: the
 * scenario package reads the server's limits but never its registry, telemetry reads neither
 * scenario nor server types, and the findings never ask for a variant by name. Each rule has a
 * control: a class in the test sources that breaks it, and the rule must fail on it.
 */
class LayeringTest {
    private static final JavaClasses ENGINE = EngineClasses.all();

    /** What each package may use, and why; the root package ({@code LoupeVersion}) is open to all. */
    private static final Map<String, Layer> LAYERS = new LinkedHashMap<>();

    private record Layer(Set<String> mayUse, String because) {}

    private static void layer(String name, String because, String... mayUse) {
        LAYERS.put(name, new Layer(Set.of(mayUse), because));
    }

    static {
        layer("units", "values with units are a leaf every package writes with");
        layer("io", "atomic file writes are a leaf every writer shares");
        layer("measure", "clocks and histograms measure anything and know nothing of what they measure");
        layer("concurrency", "the vocabulary servers declare and findings read must depend on neither");
        layer("checks", "argument checks word their messages with units and nothing more", "units");
        layer("server", "a server knows HTTP, its threads and its clock, never the load, a scenario or a report",
                "checks", "concurrency", "measure", "units");
        layer("load", "the load generator knows sockets and measurements, never the server it loads",
                "checks", "measure", "units");
        layer("telemetry", "telemetry observes any JVM: its own options and an ObservedServer, no scenario or server",
                "checks", "concurrency", "io", "measure", "units");
        layer("series", "the per-second timeline joins the clients' and the JVM's seconds and nothing above",
                "measure", "telemetry");
        layer("chart", "a chart draws a run's seconds, for the dashboard and the reports alike, and runs nothing",
                "measure", "series", "telemetry", "units");
        layer("scenario", "a scenario reads the bounds of the layers it configures, never the run that uses it",
                "checks", "io", "load", "server", "telemetry", "units");
        layer("analysis", "rules read a run's facts; they never start, load or report anything",
                "concurrency", "measure", "scenario", "series", "telemetry", "units");
        layer("run", "the run drives server, load and telemetry and asks the rules; reports read its result",
                "analysis", "checks", "concurrency", "io", "load", "measure", "scenario", "series", "server", "telemetry",
                "units");
        layer("report", "a report is a function of a run's result: it never runs anything itself",
                "analysis", "chart", "io", "measure", "run", "scenario", "series", "telemetry", "units");
        layer("session", "a session drives one run to its files for the command line and the dashboard",
                "analysis", "chart", "checks", "concurrency", "io", "load", "measure", "report", "run", "scenario",
                "series", "server", "telemetry", "units");
        layer("cli", "the command line is the top: nothing in the engine calls it",
                "analysis", "chart", "checks", "concurrency", "io", "load", "measure", "report", "run", "scenario",
                "series", "server", "session", "telemetry", "units");
    }

    static Stream<String> packages() {
        return LAYERS.keySet().stream();
    }

    /** The rule of one package: no dependency on an engine package outside its list. */
    private static ArchRule rule(String name) {
        Layer layer = LAYERS.get(name);
        String[] forbidden = LAYERS.keySet().stream()
                .filter(other -> !other.equals(name) && !layer.mayUse().contains(other))
                .map(other -> "dev.loupe.engine." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.loupe.engine." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(layer.because());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void eachPackageUsesOnlyThePackagesBelowIt(String name) {
        assertThat(ENGINE.containPackage("dev.loupe.engine." + name)).as("the import saw " + name).isTrue();
        rule(name).check(ENGINE);
    }

    @Test
    void theTableNamesEveryPackageOfTheEngine() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : ENGINE) {
            String rest = c.getPackageName().substring("dev.loupe.engine".length());
            if (!rest.isEmpty()) {
                found.add(rest.substring(1).split("\\.")[0]);
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(LAYERS.keySet());
    }

    /** The fixture of {@code pkg}: a class in the test sources that breaks that package's rule. */
    private static JavaClasses fixture(String pkg) {
        try {
            return new ClassFileImporter().importClasses(Class.forName("dev.loupe.engine." + pkg + ".LayeringFixture"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the fixture of " + pkg + " is in the test sources", e);
        }
    }

    @Test
    void controlThePackageRuleFailsOnAClassThatReachesUp() {
        JavaClasses bad = fixture("series");
        assertThat(rule("series").evaluate(bad).hasViolation()).isTrue();
    }

    private static final ArchRule SCENARIO_WITHOUT_REGISTRY = noClasses()
            .that().resideInAPackage("dev.loupe.engine.scenario..")
            .should().dependOnClassesThat(DescribedPredicate.describe("are server classes other than its limits",
                    (JavaClass c) -> c.getPackageName().startsWith("dev.loupe.engine.server")
                            && !List.of("dev.loupe.engine.server.HttpLimits", "dev.loupe.engine.server.ServerConfig")
                                    .contains(c.getName())))
            .because("the reader learns variant and workload names from a ScenarioCatalog and reads only the"
                    + " server's limits, so a scenario file can be read and checked without the variants");

    @Test
    void theScenarioPackageReadsTheServersLimitsButNeverItsRegistry() {
        SCENARIO_WITHOUT_REGISTRY.check(ENGINE);
        JavaClasses bad = fixture("scenario");
        assertThat(SCENARIO_WITHOUT_REGISTRY.evaluate(bad).hasViolation()).as("control").isTrue();
    }

    private static final ArchRule TELEMETRY_OWN_TYPES = noClasses()
            .that().resideInAPackage("dev.loupe.engine.telemetry..")
            .should().dependOnClassesThat(resideInAPackage("dev.loupe.engine.scenario..")
                    .or(resideInAPackage("dev.loupe.engine.server..")))
            .because("telemetry takes its own TelemetryOptions and an ObservedServer, so it can watch any JVM,"
                    + " not only a scenario's server");

    @Test
    void telemetryReadsNeitherScenarioNorServerTypes() {
        TELEMETRY_OWN_TYPES.check(ENGINE);
        JavaClasses bad = fixture("telemetry");
        assertThat(TELEMETRY_OWN_TYPES.evaluate(bad).hasViolation()).as("control").isTrue();
    }

    private static final ArchRule NO_VARIANT_NAMES = noClasses()
            .that().resideInAPackage("dev.loupe.engine.analysis..")
            .should().callMethod(ServerSettings.class, "variant")
            .because("a variant declares its concurrency model; a rule that compared names would give a plug-in"
                    + " variant the wrong advice");

    @Test
    void theFindingsNeverAskForAVariantByName() {
        NO_VARIANT_NAMES.check(ENGINE);
        JavaClasses bad = fixture("analysis");
        assertThat(NO_VARIANT_NAMES.evaluate(bad).hasViolation()).as("control").isTrue();
    }
}
