package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which side a thread is counted on, by its name: the dashboard's threads are never the server's. */
class ThreadRoleTest {
    @Test
    void namesTellTheSides() {
        assertThat(ThreadRole.of("loupe-server-conn-12")).isEqualTo(ThreadRole.SERVER);
        assertThat(ThreadRole.of("loupe-load-1")).isEqualTo(ThreadRole.GENERATOR);
        assertThat(ThreadRole.of("loupe-telemetry-probes")).isEqualTo(ThreadRole.TELEMETRY);
        assertThat(ThreadRole.of("JavaFX Application Thread")).isEqualTo(ThreadRole.UI);
        assertThat(ThreadRole.of("loupe-ui-chart-painter")).as("the dashboard's chart painter").isEqualTo(ThreadRole.UI);
        assertThat(ThreadRole.of("loupe-run-folder-writer")).as("Loupe's own, not the server's").isEqualTo(ThreadRole.RUNNER);
        assertThat(ThreadRole.of("C2 CompilerThread0")).isEqualTo(ThreadRole.JVM);
        assertThat(ThreadRole.of("pool-3-thread-1")).isEqualTo(ThreadRole.OTHER);
        assertThat(ThreadRole.of(null)).isEqualTo(ThreadRole.OTHER);
    }
}
