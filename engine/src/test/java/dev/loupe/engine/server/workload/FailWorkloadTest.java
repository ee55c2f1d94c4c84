package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailWorkloadTest {

    @ParameterizedTest(name = "{0} of {1} requests")
    @CsvSource({"0, 0", "10, 100000", "25, 250000", "0.5, 5000", "33.3333, 333333", "100, 1000000"})
    void failuresAreEvenlySpreadAndExact(String percent, long partsPerMillion) {
        assertThat(Parameters.partsPerMillion("f", percent + "%")).isEqualTo(partsPerMillion);
        int failed = 0;
        int longestRunWithout = 0;
        int run = 0;
        for (long n = 0; n < 1_000_000; n++) {
            if (Fail.Handler.fails(n, partsPerMillion)) {
                failed++;
                run = 0;
            } else {
                longestRunWithout = Math.max(longestRunWithout, ++run);
            }
        }
        assertThat(failed).as("exactly the share of a million").isEqualTo(partsPerMillion);
        if (partsPerMillion > 0) {
            assertThat(longestRunWithout).as("spread, not bunched").isLessThanOrEqualTo((int) (1_000_000 / partsPerMillion));
        }
    }

    @Test
    void atTenPercentEveryTenthRequestThrows() throws Exception {
        RequestHandler h = Workloads.parse("fail", "--workload").newHandler();
        List<Integer> failing = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            try {
                assertThat(h.handle(FakeRequest.get("/")).status()).isEqualTo(200);
            } catch (Fail.InjectedFailure e) {
                assertThat(e).hasMessage("fail:10%: request " + i + " fails on purpose");
                failing.add(i);
            }
        }
        assertThat(failing).containsExactly(10, 20, 30);
        assertThat(WorkloadStats.of(h)).containsExactly(
                org.assertj.core.api.Assertions.entry("requests", 30L), org.assertj.core.api.Assertions.entry("failed", 3L));
        assertThatThrownBy(() -> Workloads.parse("fail:100%", "--workload").newHandler().handle(FakeRequest.get("/")))
                .isInstanceOf(Fail.InjectedFailure.class);
    }

    @Test
    void theServerAnswers500AndStaysUpAtTheConfiguredShare() throws Exception {
        RequestHandler handler = Workloads.parse("fail:25%", "--workload").newHandler();
        int connections = 4;
        int perConnection = 100;
        try (RunningServer server = ServerVariants.byName("virtual-threads").start(ServerConfig.of(handler))) {
            ExecutorService clients = Executors.newFixedThreadPool(connections);
            try {
                List<Future<int[]>> counts = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    counts.add(clients.submit(() -> {
                        int[] byStatus = new int[600];
                        try (RawClient client = RawClient.to(server)) {
                            for (int i = 0; i < perConnection; i++) {
                                byStatus[client.send(RawClient.get("/")).read().status()]++;
                            }
                        }
                        return byStatus;
                    }));
                }
                int ok = 0;
                int failed = 0;
                for (Future<int[]> f : counts) {
                    int[] byStatus = f.get(60, TimeUnit.SECONDS);
                    ok += byStatus[200];
                    failed += byStatus[500];
                }
                assertThat(failed).as("a quarter of 400, on kept-alive connections").isEqualTo(100);
                assertThat(ok).isEqualTo(300);
            } finally {
                clients.shutdownNow();
            }
            // Request 400 failed (every 4th does); 401 is a good one, on a new connection.
            try (RawClient client = RawClient.to(server)) {
                RawClient.Response good = client.send(RawClient.get("/")).read();
                assertThat(good.status()).isEqualTo(200);
                assertThat(good.body()).isEqualTo("passed (fail:25%)\n");
            }
            assertThat(WorkloadStats.of(handler)).containsEntry("requests", 401L).containsEntry("failed", 100L);
        }
    }
}
