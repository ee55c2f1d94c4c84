package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapGuardTest {
    private static final long MB = 1024 * 1024;
    private final List<HeapGuard.Trip> trips = new ArrayList<>();
    private final HeapGuard guard = HeapGuard.detached(85, 1000 * MB, trips::add);

    @Test
    void oneYoungCollectionAboveTheLimitIsNotEnoughButThreeInARowAre() {
        guard.check(900 * MB, false, "G1 Young Generation");
        guard.check(880 * MB, false, "G1 Young Generation");
        assertThat(trips).isEmpty();
        guard.check(860 * MB, false, "G1 Young Generation");

        assertThat(trips).singleElement().satisfies(t -> {
            assertThat(t.afterGcPct()).isEqualTo(86.0);
            assertThat(t.limitPct()).isEqualTo(85.0);
            assertThat(t.collector()).isEqualTo("G1 Young Generation");
        });
        assertThat(guard.trip()).isEqualTo(trips.getFirst());
    }

    @Test
    void aCollectionBelowTheLimitResetsTheCount() {
        guard.check(900 * MB, false, "young");
        guard.check(900 * MB, false, "young");
        guard.check(400 * MB, false, "mixed");
        guard.check(900 * MB, false, "young");
        guard.check(900 * MB, false, "young");

        assertThat(trips).isEmpty();
        assertThat(guard.trip()).isNull();
    }

    @Test
    void aFullCollectionAboveTheLimitTripsAtOnceAndOnlyOnce() {
        guard.check(950 * MB, true, "G1 Old Generation");
        guard.check(990 * MB, true, "G1 Old Generation");

        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().afterGcMb()).isEqualTo(950.0);
    }

    @Test
    void aRealGuardReadsRealCollectionsAndClosesCleanly() throws InterruptedException {
        List<HeapGuard.Trip> real = new ArrayList<>();
        HeapGuard g = HeapGuard.start(99, real::add);
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (g.collections() == 0 && System.nanoTime() < deadline) { // notifications come on their own thread
                System.gc();
                Thread.sleep(50);
            }
            assertThat(g.collections()).as("it heard the collection").isPositive();
            assertThat(g.trip()).as("a near-empty heap is far below 99 %").isNull();
        } finally {
            g.close();
        }
        long heard = g.collections();
        System.gc();
        Thread.sleep(200);
        assertThat(g.collections()).as("closed: it listens no more").isEqualTo(heard);
        assertThat(real).isEmpty();
    }
}
