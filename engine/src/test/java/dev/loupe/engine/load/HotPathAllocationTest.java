package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.IntervalSnapshot;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The keep-alive request–response cycle allocates nothing on the selector thread: measured with the
 * JVM's per-thread allocation counter between two snapshots late in a run, divided by the responses
 * in between. The control: the same counter sees the allocation of a templated request whose
 * placeholder builds a String per request.
 */
@Tag("timing")
@Timeout(60)
class HotPathAllocationTest {

    private static double bytesPerResponse(LoadSpec spec) throws InterruptedException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong firstBytes = new AtomicLong(-1);
        AtomicLong firstResponses = new AtomicLong();
        AtomicLong lastBytes = new AtomicLong();
        AtomicLong lastResponses = new AtomicLong();
        AtomicLong responses = new AtomicLong();
        LoadRun run = LoadGenerator.create().start(spec, List.of((IntervalSnapshot s) -> {
            responses.addAndGet(s.responses());
            Thread worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("loupe-load-1")).findFirst().orElse(null);
            if (worker == null) {
                return;
            }
            long bytes = threads.getThreadAllocatedBytes(worker.threadId());
            if (s.index() == 4) { // after a second of JIT warm-up
                firstBytes.set(bytes);
                firstResponses.set(responses.get());
            } else if (s.index() == 8) {
                lastBytes.set(bytes);
                lastResponses.set(responses.get());
            }
        }));
        run.awaitResult(Duration.ofSeconds(30)).orElseThrow();
        assertThat(firstBytes.get()).as("the worker thread was seen").isNotNegative();
        long n = lastResponses.get() - firstResponses.get();
        assertThat(n).isPositive();
        return (lastBytes.get() - firstBytes.get()) / (double) n;
    }

    @Test
    void keepAliveRequestsAllocateNothing() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(8).duration(Duration.ofMillis(2500)).build();
            assertThat(bytesPerResponse(spec)).isLessThan(1.0);

            LoadSpec openSpec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(8).open(ArrivalSchedule.constant(5_000)).duration(Duration.ofMillis(2500)).build();
            assertThat(bytesPerResponse(openSpec)).as("open model").isLessThan(1.0);

            LoadSpec templated = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .request(RequestSpec.get("/json/{n}")).placeholder("n", PlaceholderValue.ofLong(n -> n % 1000))
                    .connections(8).duration(Duration.ofMillis(2500)).build();
            assertThat(bytesPerResponse(templated)).as("an allocation-free placeholder").isLessThan(1.0);
        }
    }

    @Test
    void controlTheCounterSeesAnAllocatingPlaceholder() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .request(RequestSpec.get("/json/{n}")).placeholder("n", PlaceholderValue.ofText(n -> "v" + n))
                    .connections(8).duration(Duration.ofMillis(2500)).build();
            assertThat(bytesPerResponse(spec)).isGreaterThan(16.0);
        }
    }
}
