package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.VariantOption;
import org.junit.jupiter.api.Test;

/** How the two variants are found, described, configured and sized. */
class NioVariantsTest {
    private static final ServerConfig HELLO = ServerConfig.of(request -> HttpResponse.text(200, "hi"));

    @Test
    void bothAreFoundByNameWithADescriptionAndTheirTunables() {
        ServerVariant loop = ServerVariants.byName("event-loop");
        ServerVariant offload = ServerVariants.byName("event-loop-offload");
        assertThat(loop.description()).contains("stall").doesNotContain("\n");
        assertThat(offload.description()).contains("worker pool").doesNotContain("\n");
        assertThat(loop.tunables()).extracting(Tunable::name).containsExactly("threads");
        assertThat(offload.tunables()).extracting(Tunable::name).containsExactly("threads");
        assertThat(offload.options()).extracting(VariantOption::name).containsExactly("workers");
        assertThat(loop.tunables().getFirst().defaultValue()).isEqualTo("2");
    }

    @Test
    void loopAndWorkerCountsFollowThreadsAndTheWorkersOption() throws Exception {
        try (RunningServer defaults = ServerVariants.byName("event-loop-offload").start(HELLO)) {
            assertThat(defaults.dispatchTargets()).extracting(t -> t.name()).containsExactly("loop-0", "loop-1", "workers");
            assertThat(ProcessResources.threadsNamed(HandlerPool.THREAD_PREFIX)).as("2 x loops").isEqualTo(4);
        }
        try (RunningServer three = ServerVariants.byName("event-loop").start(HELLO.withThreads(3))) {
            assertThat(three.dispatchTargets()).hasSize(3);
            assertThat(ProcessResources.threadsNamed(EventLoop.THREAD_PREFIX)).isEqualTo(3);
        }
    }

    @Test
    void unknownOrBadOptionsAreRefusedNamingTheFieldAndWhatWasExpected() {
        assertThatThrownBy(() -> ServerVariants.byName("event-loop").start(HELLO.withOption("workers", "4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.options.workers: \"4\" (expected: an option of event-loop, which takes none)");
        assertThatThrownBy(() -> ServerVariants.byName("event-loop-offload").start(HELLO.withOption("workers", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.options.workers: \"0\" (expected: a whole number 1..10000, for event-loop-offload)");
        assertThatThrownBy(() -> ServerVariants.byName("event-loop-offload").start(HELLO.withOption("wrokers", "2")))
                .hasMessage("server.options.wrokers: \"2\" (expected: an option of event-loop-offload, one of workers)");
    }

    @Test
    void aPortInUseIsABindExceptionAndLeavesNoThreadsBehind() throws Exception {
        int before = ProcessResources.threadsNamed(EventLoop.THREAD_PREFIX);
        try (RunningServer first = ServerVariants.byName("event-loop").start(HELLO)) {
            assertThatThrownBy(() -> ServerVariants.byName("event-loop").start(HELLO.withPort(first.address().getPort())))
                    .isInstanceOf(java.net.BindException.class);
        }
        assertThat(ProcessResources.awaitAtMost(() -> ProcessResources.threadsNamed(EventLoop.THREAD_PREFIX), before,
                java.time.Duration.ofSeconds(15))).isLessThanOrEqualTo(before);
    }
}
