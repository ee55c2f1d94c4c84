package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.workload.Workloads;
import org.junit.jupiter.api.Test;

class VariantsCommandTest {

    @Test
    void listsEveryVariantTunableLimitAndWorkload() {
        CliRun run = CliRun.of("variants");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        ServerVariants.all().forEach(v -> {
            assertThat(run.out()).contains("  " + v.name() + "  ");
            v.tunables().forEach(t -> assertThat(run.out()).contains(t.name()).contains(t.defaultValue()));
        });
        for (Tunable limit : HttpLimits.tunables()) {
            assertThat(run.out()).containsPattern("  " + limit.name() + " +" + limit.defaultValue() + " +\\w");
        }
        Workloads.all().forEach(w -> assertThat(run.out()).containsPattern("  " + w.name() + " +" + w.parameter()));
    }

    @Test
    void fitsTheTerminalWidth() {
        String text = VariantsCommand.render(ServerVariants.all(), Workloads.all(), 80);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(text).contains("hello").contains("virtual-threads");
    }

    @Test
    void theRootHelpListsTheServerCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).contains("serve     Runs one server variant until Ctrl+C, then stops it gracefully.")
                .contains("variants  Lists the server variants and workloads, with tunables and limits.");
    }
}
