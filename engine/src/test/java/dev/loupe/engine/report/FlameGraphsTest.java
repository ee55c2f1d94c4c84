package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.telemetry.ThreadRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flame graphs from a real JFR recording of a server thread and a load-generator thread burning CPU side by side. */
@Tag("timing")
class FlameGraphsTest {
    @TempDir
    Path dir;

    static volatile long sink;

    @Test
    void theServersSamplesAreDrawnAndLoupesAreLeftOutAndCounted() throws Exception {
        AtomicBoolean go = new AtomicBoolean(true);
        Thread server = new Thread(() -> burn(go, true), "loupe-server-flame-1");
        Thread generator = new Thread(() -> burn(go, false), "loupe-load-flame-1");
        Path jfr = dir.resolve("recording.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s").withStackTrace();
            recording.start();
            server.start();
            generator.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Thread.sleep(1500);
            go.set(false);
            server.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            generator.join(Duration.ofSeconds(5));
            recording.stop();
            recording.dump(jfr);
        }

        FlameGraphs.Counts counts = FlameGraphs.write(jfr, dir, "flame test");

        assertThat(counts.cpuSamples()).as("the server thread was sampled").isGreaterThan(5);
        assertThat(counts.leftOut().getOrDefault(ThreadRole.GENERATOR, 0L)).as("control: the generator was sampled too, and left out")
                .isGreaterThan(5);
        List<String> cpu = Files.readAllLines(dir.resolve(FlameGraphs.CPU_COLLAPSED));
        assertThat(cpu).anyMatch(line -> line.contains("FlameGraphsTest.serverWork") && line.matches(".*;.* \\d+"));
        assertThat(cpu).noneMatch(line -> line.contains("FlameGraphsTest.generatorWork"));
        assertThat(counts.cpuStacks()).as("what the reports draw is what the file holds").isEqualTo(cpu);
        assertThat(cpu.getFirst()).as("root first").startsWith("java.lang.Thread.run");
        List<String> alloc = Files.readAllLines(dir.resolve(FlameGraphs.ALLOC_COLLAPSED));
        assertThat(alloc).anyMatch(line -> line.contains("FlameGraphsTest.serverWork"));
        assertThat(counts.allocationBytes()).isPositive();
        for (String html : List.of(FlameGraphs.CPU_HTML, FlameGraphs.ALLOC_HTML)) {
            String page = Files.readString(dir.resolve(html));
            assertThat(page).as(html).startsWith("<!DOCTYPE html>").contains("flame test")
                    .doesNotContain("src=\"http", "href=\"http", "<link ");
        }
    }

    private static void burn(AtomicBoolean go, boolean server) {
        while (go.get()) {
            sink += server ? serverWork() : generatorWork();
        }
    }

    private static long serverWork() {
        long[] a = new long[64]; // allocation for the allocation graph
        for (int i = 0; i < 20_000; i++) {
            a[i & 63] += i * 31L;
        }
        return a[7];
    }

    private static long generatorWork() {
        long x = 0;
        for (int i = 0; i < 20_000; i++) {
            x += Long.rotateLeft(i, 3) ^ x;
        }
        return x;
    }
}
