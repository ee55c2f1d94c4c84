package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every workload, with its default parameter, answers over a real virtual-threads server on port 0. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkloadsOverServerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hello      | /       | Hello, World!
            sleep      | /       | slept 1ms
            cpu        | /       | computed 50us
            alloc      | /       | allocated 16KiB
            queue      | /status | {"queued": 0, "queuedBytes": 0, "expired": 0, "rejected": 0}
            contended  | /       | held the lock 200us
            pinned     | /       | slept 5ms in a native upcall
            leak       | /       | kept 1KiB
            fail       | /       | passed (fail:10%)
            """)
    void answersWithItsDefault(String name, String path, String body) throws Exception {
        var handler = Workloads.parse(name, "--workload").newHandler();
        try (RunningServer server = ServerVariants.byName("virtual-threads").start(ServerConfig.of(handler));
                RawClient client = RawClient.to(server)) {
            for (int i = 0; i < 3; i++) {
                RawClient.Response response = client.send(RawClient.get(path)).read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body().strip()).isEqualTo(body);
            }
        }
    }
}
