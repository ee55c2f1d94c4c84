package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import org.junit.jupiter.api.Test;

class LeakWorkloadTest {

    @Test
    void retainsEveryRequestUntilItsCapThenCountsWhatItDrops() {
        Leak.Handler h = new Leak.Handler(1024, 10 * (1024 + Leak.OVERHEAD_BYTES) + 500);
        for (int i = 0; i < 10; i++) {
            assertThat(h.handle(FakeRequest.post("/", "body " + i)).bodyText()).isEqualTo("kept 1KiB\n");
        }
        assertThat(h.retainedBytes()).isEqualTo(10 * (1024 + Leak.OVERHEAD_BYTES));
        assertThat(h.droppedBytes()).isZero();

        for (int i = 0; i < 90; i++) {
            HttpResponse response = h.handle(FakeRequest.get("/"));
            assertThat(response.status()).as("still answers").isEqualTo(200);
        }
        assertThat(h.retainedBytes()).as("never past the cap").isEqualTo(10 * (1024 + Leak.OVERHEAD_BYTES))
                .isLessThanOrEqualTo(h.capBytes());
        assertThat(h.droppedBytes()).isEqualTo(90 * (1024 + Leak.OVERHEAD_BYTES));
        assertThat(h.handle(FakeRequest.get("/")).bodyText()).startsWith("kept nothing: the leak reached its cap");
        assertThat(h.stats()).containsOnlyKeys("retainedBytes", "retainedCapBytes", "droppedBytes")
                .containsEntry("retainedBytes", h.retainedBytes());
    }

    @Test
    void theCapIsAQuarterOfTheMaxHeap() {
        RequestHandler h = Workloads.parse("leak", "--workload").newHandler();
        assertThat(WorkloadStats.of(h)).containsEntry("retainedCapBytes", Runtime.getRuntime().maxMemory() / 4)
                .containsEntry("retainedBytes", 0L);
    }

    @Test
    void largeSizesAreKeptInArraysThatAreNotHumongous() {
        Leak.Handler h = new Leak.Handler(100 * 1024, Long.MAX_VALUE);
        h.handle(FakeRequest.get("/"));
        long arrays = 4; // 32 + 32 + 32 + 4 KiB
        assertThat(h.retainedBytes()).isEqualTo(100 * 1024 + arrays * Leak.OVERHEAD_BYTES);
    }

    @Test
    void theHeapReallyHoldsWhatIsRetained() {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        Leak.Handler h = new Leak.Handler(32 * 1024, 64L * 1024 * 1024);
        for (int i = 0; i < 2_100; i++) { // about 66 MiB asked; the 64 MiB cap stops it just short
            h.handle(FakeRequest.get("/"));
        }
        long after = usedAfterGc(rt);
        assertThat(h.retainedBytes()).isLessThanOrEqualTo(64L * 1024 * 1024).isGreaterThan(60L * 1024 * 1024);
        assertThat(after - before).as("the heap grew by about what was retained")
                .isGreaterThan(h.retainedBytes() / 2);
        assertThat(h.droppedBytes()).isPositive();
    }

    private static long usedAfterGc(Runtime rt) {
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
