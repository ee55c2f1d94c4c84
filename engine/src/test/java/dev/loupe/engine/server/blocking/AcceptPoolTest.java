package dev.loupe.engine.server.blocking;

import static dev.loupe.engine.server.blocking.Gate.SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only accept-pool does: grow past its standby threads under load, shrink back, 503 at the cap. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AcceptPoolTest {
    private static final IntSupplier POOL_THREADS = () -> ProcessResources.threadsNamed(ServerThreads.ACCEPT_PREFIX);

    @Test
    void growsPastItsStandbyThreadsWhenAllAreBusyAndShrinksBackWhenIdle() throws Exception {
        int threadsBefore = ProcessResources.threadsNamed(ServerThreads.PREFIX);
        int descriptorsBefore = ProcessResources.openFileDescriptors();
        Gate gate = new Gate();
        RunningServer server = ServerVariants.byName("accept-pool")
                .start(ServerConfig.of(gate).withThreads(2).withMaxThreads(16));
        List<RawClient> held = new ArrayList<>();
        try {
            assertThat(awaitThreads(2)).as("standby threads at start").isEqualTo(2);

            for (int i = 0; i < 5; i++) {
                held.add(RawClient.to(server).send(RawClient.get("/block")));
            }
            gate.awaitBlocked(5);
            // Five serving, and one more started when the last standby took a connection.
            assertThat(awaitThreads(6)).as("grown: 5 serving + 1 accepting").isEqualTo(6);
            try (RawClient another = RawClient.to(server)) {
                assertThat(another.send(RawClient.get("/hello")).read().status()).as("still accepting").isEqualTo(200);
            }

            gate.open();
            for (RawClient c : held) {
                assertThat(c.read().status()).isEqualTo(200);
                c.close();
            }
            assertThat(awaitThreads(2)).as("shrunk back to the standby count when idle").isEqualTo(2);
            try (RawClient after = RawClient.to(server)) {
                assertThat(after.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
            }
            assertThat(server.refusedConnections()).isZero();
        } finally {
            server.close();
            for (RawClient c : held) {
                c.close();
            }
        }
        assertThat(ProcessResources.awaitAtMost(() -> ProcessResources.threadsNamed(ServerThreads.PREFIX), threadsBefore, SOON))
                .as("threads after stop").isLessThanOrEqualTo(threadsBefore);
        assertThat(ProcessResources.awaitAtMost(ProcessResources::openFileDescriptors, descriptorsBefore + 2, SOON))
                .as("descriptors after stop").isLessThanOrEqualTo(descriptorsBefore + 2);
    }

    @Test
    void aConnectionBeyondMaxThreadsServedIsAnswered503ByTheAcceptingThread() throws Exception {
        Gate gate = new Gate();
        try (RunningServer server = ServerVariants.byName("accept-pool")
                .start(ServerConfig.of(gate).withThreads(1).withMaxThreads(2))) {
            List<RawClient> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(RawClient.to(server).send(RawClient.get("/block")));
                }
                gate.awaitBlocked(2);
                assertThat(awaitThreads(3)).as("the cap serving, one accepting").isEqualTo(3);
                try (RawClient third = RawClient.to(server)) {
                    RawClient.Response refused = third.send(RawClient.get("/hello")).read();
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.header("Connection")).isEqualTo("close");
                    assertThat(refused.header("Retry-After")).isEqualTo("1");
                    assertThat(third.closedByServer(SOON)).isTrue();
                }
                assertThat(server.refusedConnections()).isEqualTo(1);
                assertThat(POOL_THREADS.getAsInt()).as("refusing starts no thread").isEqualTo(3);
            } finally {
                gate.open();
                for (RawClient c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void moreStandbyThreadsThanMaxThreadsIsRefusedNamingBothFields() {
        assertThatThrownBy(() -> ServerVariants.byName("accept-pool")
                .start(ServerConfig.of(new Gate()).withThreads(8).withMaxThreads(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.threads: 8 (expected: at most server.maxThreads (4) for accept-pool)");
    }

    /** Waits (bounded) for the pool's thread count to reach the value; returns the last count. */
    private static int awaitThreads(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        int n = POOL_THREADS.getAsInt();
        while (n != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = POOL_THREADS.getAsInt();
        }
        return n;
    }
}
