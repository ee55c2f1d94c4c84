package dev.loupe.engine.server.blocking;

import static dev.loupe.engine.server.blocking.Gate.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only thread-per-connection does: its thread cap, and 503 beyond it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadPerConnectionTest {

    @Test
    void aConnectionBeyondTheCapIsAnswered503AndClosedThenTheCapFreesUp() throws Exception {
        int threadsBefore = ProcessResources.threadsNamed(ServerThreads.PREFIX);
        int descriptorsBefore = ProcessResources.openFileDescriptors();
        Gate gate = new Gate();
        RunningServer server = ServerVariants.byName("thread-per-connection")
                .start(ServerConfig.of(gate).withMaxThreads(2));
        List<RawClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(RawClient.to(server).send(RawClient.get("/block")));
            }
            gate.awaitBlocked(2);
            assertThat(ProcessResources.threadsNamed(ServerThreads.CONNECTION_PREFIX)).as("a thread per connection").isEqualTo(2);

            try (RawClient third = RawClient.to(server)) {
                RawClient.Response refused = third.send(RawClient.get("/hello")).read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Connection")).isEqualTo("close");
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.body()).startsWith("503 Service Unavailable");
                assertThat(third.closedByServer(SOON)).isTrue();
            }
            assertThat(server.refusedConnections()).isEqualTo(1);
            assertThat(ProcessResources.threadsNamed(ServerThreads.CONNECTION_PREFIX)).as("no thread for it").isEqualTo(2);

            gate.open();
            for (RawClient c : held) {
                assertThat(c.read().status()).isEqualTo(200);
                c.close(); // a kept-alive connection holds its thread until it closes
            }
            assertThat(ProcessResources.awaitAtMost(() -> ProcessResources.threadsNamed(ServerThreads.CONNECTION_PREFIX), 0, SOON))
                    .as("each thread ended with its connection").isZero();
            try (RawClient later = RawClient.to(server)) {
                assertThat(later.send(RawClient.get("/hello")).read().status()).as("below the cap again").isEqualTo(200);
            }
            assertThat(server.refusedConnections()).isEqualTo(1);
        } finally {
            server.close();
            for (RawClient c : held) {
                c.close();
            }
        }
        assertThat(ProcessResources.awaitAtMost(() -> ProcessResources.threadsNamed(ServerThreads.PREFIX), threadsBefore, SOON))
                .isLessThanOrEqualTo(threadsBefore);
        assertThat(ProcessResources.awaitAtMost(ProcessResources::openFileDescriptors, descriptorsBefore + 2, SOON))
                .isLessThanOrEqualTo(descriptorsBefore + 2);
    }
}
