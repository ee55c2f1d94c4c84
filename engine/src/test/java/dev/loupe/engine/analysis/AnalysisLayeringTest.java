package dev.loupe.engine.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.loupe.engine.EngineClasses;
import org.junit.jupiter.api.Test;

/**
 * The rules read a run's facts and nothing else: the scenario, the measurements, the per-second series
 * and telemetry's records. They never reach the servers, the load generator, the run that calls them,
 * the reports or the CLI, so a rule can be tested with made-up seconds and evaluated anywhere.
 */
class AnalysisLayeringTest {
    private static final JavaClasses engine = EngineClasses.all();

    @Test
    void rulesReadFactsOnly() {
        noClasses().that().resideInAPackage("dev.loupe.engine.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loupe.engine.server..", "dev.loupe.engine.load..", "dev.loupe.engine.run..",
                        "dev.loupe.engine.report..", "dev.loupe.engine.cli..")
                .because("the run hands the rules their facts; rules that reached further could not run on made-up data")
                .check(engine);
    }

    @Test
    void theImportSawTheRules() {
        // Control: a rule checked against no classes passes trivially.
        org.assertj.core.api.Assertions.assertThat(engine.contain(DispatchBlockedRule.class)).isTrue();
    }
}
