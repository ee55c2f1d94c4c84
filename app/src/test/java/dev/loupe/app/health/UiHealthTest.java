package dev.loupe.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiHealthTest {
    private static final long MS = 1_000_000;

    @Test
    void gapsBetweenPulsesAndLateTicksAreWhatTheFileSays(@TempDir Path dir) throws Exception {
        UiHealth health = new UiHealth();
        long t = 5_000 * MS;
        for (int i = 0; i < 99; i++) {
            health.pulse(t);
            t += 16 * MS;
        }
        health.pulse(t + 300 * MS); // the FX thread stood still for 300 ms once
        health.drew(4 * MS);
        health.drew(30 * MS);
        health.tick(0);
        health.tick(12);
        health.tick(250);

        UiHealth.Report r = health.report();
        assertThat(r.frameGapMs().frames()).isEqualTo(99);
        assertThat(r.frameGapMs().p50()).isCloseTo(16.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(r.frameGapMs().max()).isBetween(315.0, 317.0);
        assertThat(r.chartTicks().total()).isEqualTo(3);
        assertThat(r.chartTicks().late()).as("only the one a whole period late").isEqualTo(1);
        assertThat(r.frameGapMs().longest()).hasSize(UiHealth.LONGEST);
        assertThat(r.frameGapMs().longest().getFirst()).as("the stall, and when it began")
                .isEqualTo(new UiHealth.Gap(98 * 16, 316.0));
        assertThat(r.frameGapMs().longest().get(1).gapMs()).isEqualTo(16.0);
        assertThat(r.chartDrawMs().draws()).isEqualTo(2);
        assertThat(r.chartDrawMs().max()).isCloseTo(30.0, org.assertj.core.api.Assertions.within(0.05));

        health.write(dir, 0);
        JsonNode file = new ObjectMapper().readTree(dir.resolve(UiHealth.FILE).toFile());
        assertThat(file.at("/frameGapMs/p99").asDouble()).isEqualTo(r.frameGapMs().p99());
        assertThat(file.at("/chartTicks/late").asLong()).isEqualTo(1);
        assertThat(file.get("feedDropped").asLong()).isZero();
        assertThat(file.at("/frameGapMs/longest/0/atMs").asLong()).isEqualTo(98 * 16);
        assertThat(file.at("/chartDrawMs/draws").asLong()).isEqualTo(2);

        health.reset();
        assertThat(health.report().frameGapMs().frames()).as("a new run starts over").isZero();
    }
}
