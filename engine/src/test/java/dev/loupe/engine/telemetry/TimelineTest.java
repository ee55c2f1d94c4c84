package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final long MB = 1024 * 1024;
    private final List<TelemetrySecond> delivered = new ArrayList<>();
    private final Timeline timeline = new Timeline(1000, List.of("loop-0", "loop-1"), 1000 * MB, delivered::add);

    @Test
    void eachReadingLandsInTheSecondItsTimeFallsInAndSecondsAreDeliveredInOrderWhenSealed() {
        timeline.gc(1500, "G1New", "G1 Evacuation Pause", 4.0, 3.0);
        timeline.heapAtGc(1500, 7, false, 300 * MB, 500 * MB);
        timeline.heapAtGc(1501, 7, true, 100 * MB, 500 * MB);
        timeline.lockWait(2200, JvmEvents.LockKind.MONITOR, 5.0, ThreadRole.SERVER, "app.GlobalLock", List.of("app.A.run:3"));
        timeline.lockWait(2300, JvmEvents.LockKind.PARK, 2.0, ThreadRole.GENERATOR, "x.Lock", List.of("x.B.run:1"));

        timeline.seal(1999);
        assertThat(delivered).as("the second from 1000 ms is still open").isEmpty();
        timeline.seal(3000);
        assertThat(delivered).extracting(TelemetrySecond::startMs).containsExactly(1000L, 2000L);

        TelemetrySecond one = delivered.get(0);
        assertThat(one.gcPauses()).isEqualTo(1);
        assertThat(one.gcPauseMsTotal()).isEqualTo(4.0);
        assertThat(one.heapAfterGcMb()).isEqualTo(100.0);
        TelemetrySecond two = delivered.get(1);
        assertThat(two.monitorEvents()).as("only the server's waits count").isEqualTo(1);
        assertThat(two.parkEvents()).isZero();
        assertThat(two.lockWaitMsTotal()).isEqualTo(5.0);
    }

    @Test
    void theSummaryCountsTheMeasuredPartOnlyAndTheSeriesKeepsTheWarmup() {
        timeline.gc(500, "G1New", "warm-up", 50.0, 50.0);
        timeline.gc(1500, "G1New", "measured", 4.0, 4.0);
        timeline.dispatchDelay(0, 600, 90_000_000L);
        timeline.dispatchDelay(0, 1600, 2_000_000L);
        timeline.dispatchDelay(1, 1700, 3_000_000L);

        TelemetrySummary s = timeline.finish(2000);

        assertThat(s.gc().pauses()).isEqualTo(1);
        assertThat(s.gc().pauseMsMax()).isEqualTo(4.0);
        assertThat(s.dispatchDelayMs().max()).isBetween(2.9, 3.1);
        assertThat(s.dispatchTargets()).extracting(TelemetrySummary.TargetDelay::name, TelemetrySummary.TargetDelay::probes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loop-0", 1L), org.assertj.core.groups.Tuple.tuple("loop-1", 1L));
        assertThat(timeline.series()).extracting(TelemetrySecond::gcPauses).containsExactly(1, 1);
        assertThat(timeline.series().getFirst().dispatchDelayMs().max()).isBetween(89.0, 91.0);
    }

    @Test
    void aProbeStillWaitingRaisesItsSecondsWorstDelay() {
        timeline.dispatchPending(1200, 400.0);
        timeline.dispatchPending(2200, 1400.0);
        timeline.seal(3000);

        assertThat(delivered).extracting(s -> s.dispatchDelayMs().max()).containsExactly(400.0, 1400.0);
        assertThat(delivered.get(1).worstDelayMs()).isEqualTo(1400.0);
    }

    @Test
    void anEventForASealedSecondCountsInTheTotalsAndAsLate() {
        timeline.seal(3000);
        timeline.gc(1500, "G1New", "late", 4.0, 4.0);

        TelemetrySummary s = timeline.finish(4000);

        assertThat(s.lateEvents()).isEqualTo(1);
        assertThat(s.gc().pauses()).isEqualTo(1);
    }

    @Test
    void hiccupsAndSamplesFillTheirSecond() {
        Histogram h = DelayHistograms.create();
        DelayHistograms.record(h, 50_000);
        DelayHistograms.record(h, 7_000_000);
        timeline.hiccups(1000, h);
        timeline.sample(1100, new RuntimeSample(200 * MB, 400 * MB, 30, 2, 10, 0, 80));
        timeline.sample(1350, new RuntimeSample(120 * MB, 400 * MB, 31, 1, 12, 3, 82));
        timeline.seal(2000);

        TelemetrySecond s = delivered.getLast();
        assertThat(s.hiccupMs().max()).isBetween(6.9, 7.1);
        assertThat(s.heapUsedMbMax()).isEqualTo(200.0);
        assertThat(s.heapUsedMbMin()).isEqualTo(120.0);
        assertThat(s.platformThreads()).isEqualTo(31);
        assertThat(s.serverConnectionsOpen()).isEqualTo(12);
        assertThat(s.serverQueueLength()).isEqualTo(3);
        assertThat(s.fileDescriptors()).isEqualTo(82);
        assertThat(s.worstDelayMs()).isBetween(6.9, 7.1);
    }

    @Test
    void aParkWithoutABlockerWaitsForTimeNotForALock() {
        timeline.lockWait(1500, JvmEvents.LockKind.PARK, 5.0, ThreadRole.SERVER, "",
                List.of("jdk.internal.misc.Unsafe.park", "java.lang.VirtualThread.parkOnCarrierThread:711",
                        "java.lang.VirtualThread.sleepNanos:1190", "java.lang.Thread.sleep:601"));
        timeline.lockWait(1500, JvmEvents.LockKind.PARK, 3.0, ThreadRole.SERVER, "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                List.of("jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.ReentrantLock.lock:322", "app.Q.put:12"));

        TelemetrySummary s = timeline.finish(2000);

        assertThat(s.contention().parkEvents()).as("only the park on a lock").isEqualTo(1);
        assertThat(s.contention().totalMs()).isEqualTo(3.0);
    }

    @Test
    void aPoolWorkerWaitingForWorkIsNotContention() {
        timeline.lockWait(1500, JvmEvents.LockKind.PARK, 900.0, ThreadRole.SERVER,
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
                List.of("jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.park:371",
                        "java.util.concurrent.LinkedBlockingQueue.take:435",
                        "java.util.concurrent.ThreadPoolExecutor.getTask:1070"));
        timeline.lockWait(1500, JvmEvents.LockKind.PARK, 9.0, ThreadRole.SERVER,
                "java.util.concurrent.locks.ReentrantLock$NonfairSync",
                List.of("jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.ReentrantLock.lock:322",
                        "app.Queue.put:12"));

        TelemetrySummary s = timeline.finish(2000);

        assertThat(s.contention().parkEvents()).isEqualTo(1);
        assertThat(s.contention().totalMs()).isEqualTo(9.0);
        assertThat(s.evidence().locks()).extracting(Evidence::subject)
                .containsExactly("java.util.concurrent.locks.ReentrantLock$NonfairSync");
    }

    @Test
    void evidenceIsRankedByTimeAndBounded() {
        for (int i = 0; i < 200; i++) {
            timeline.lockWait(1500, JvmEvents.LockKind.MONITOR, 1.0, ThreadRole.SERVER, "Lock" + i, List.of("f" + i));
        }
        timeline.lockWait(1500, JvmEvents.LockKind.MONITOR, 500.0, ThreadRole.SERVER, "Big", List.of("big.frame:1"));
        timeline.pinned(1600, 20.0, ThreadRole.SERVER, "Native or VM frame on stack", List.of("Pinned.compare:9"));
        timeline.pinned(1700, 30.0, ThreadRole.SERVER, "Native or VM frame on stack", List.of("Pinned.compare:9"));

        TelemetrySummary s = timeline.finish(2000);

        assertThat(s.evidence().locks()).hasSize(10);
        assertThat(s.evidence().locks().getFirst().subject()).as("a newcomer past the cap still ranks").isEqualTo("Big");
        assertThat(s.evidence().locks().get(1)).satisfies(other -> {
            assertThat(other.subject()).isEqualTo(TopCounts.OTHER);
            assertThat(other.events()).as("201 keys: Big and 63 locks kept on their own").isEqualTo(200 - (TopCounts.MAX_KEYS - 1));
        });
        assertThat(s.evidence().pinning()).singleElement().satisfies(e -> {
            assertThat(e.events()).isEqualTo(2);
            assertThat(e.totalMs()).isEqualTo(50.0);
            assertThat(e.maxMs()).isEqualTo(30.0);
            assertThat(e.frames()).containsExactly("Pinned.compare:9");
        });
        assertThat(s.pinned().events()).isEqualTo(2);
    }

    @Test
    void theHeapTrendAfterGcIsItsSlopePerMinute() {
        for (int i = 0; i < 6; i++) {
            timeline.heapAtGc(1000 + i * 10_000L, i, true, (100 + 5L * i) * MB, 500 * MB);
        }
        TelemetrySummary s = timeline.finish(60_000);

        assertThat(s.heap().afterGcMbSlopePerMin()).isEqualTo(30.0);
        assertThat(s.heap().afterGcMbMax()).isEqualTo(125.0);
        assertThat(s.heap().afterGcPctMax()).isEqualTo(12.5);
    }

    @Test
    void aLongRunKeepsAtMostTheBoundOfEntries() {
        Timeline longRun = new Timeline(0, List.of(), 1000 * MB, s -> {});
        for (long ms = 0; ms < 2L * Timeline.MAX_SECONDS * 1000 + 5000; ms += 1000) {
            longRun.gc(ms, "G1New", "c", 1.0, 1.0);
            longRun.seal(ms + 1000);
        }
        List<TelemetrySecond> series = longRun.series();
        assertThat(series.size()).isLessThanOrEqualTo(Timeline.MAX_SECONDS);
        assertThat(series.stream().mapToInt(TelemetrySecond::gcPauses).sum()).isEqualTo(2 * Timeline.MAX_SECONDS + 5);
    }

    @Test
    void eachSecondHandsOnItsServerStacksAndCountsOtherThreadsSamples() {
        List<StackSecond> stacks = new ArrayList<>();
        Timeline withStacks = new Timeline(0, List.of(), 1000 * MB, new TelemetryListener() {
            @Override
            public void second(TelemetrySecond second) {}

            @Override
            public void stacks(StackSecond s) {
                stacks.add(s);
            }
        });
        withStacks.executionSample(100, ThreadRole.SERVER, List.of("app.H.run:1"), "T.run_[0];app.H.run_[j]");
        withStacks.executionSample(200, ThreadRole.SERVER, List.of("app.H.run:1"), "T.run_[0];app.H.run_[j]");
        withStacks.executionSample(300, ThreadRole.OTHER, List.of(), "T.run_[0];V.park_[i]");
        withStacks.executionSample(400, ThreadRole.GENERATOR, List.of("l.G.send:9"), "T.run_[0];l.G.send_[j]");
        withStacks.allocation(500, ThreadRole.SERVER, "byte[]", 4096, "T.run_[0];app.H.buffer_[j]");
        withStacks.allocation(600, ThreadRole.TELEMETRY, "long[]", 512, "T.run_[0];t.P.tick_[j]");
        withStacks.cpu(1500, 50, 60); // a second without samples has no stacks

        withStacks.seal(2000);

        assertThat(stacks).singleElement().satisfies(s -> {
            assertThat(s.startMs()).isZero();
            assertThat(s.cpuSamples()).containsOnly(java.util.Map.entry("T.run_[0];app.H.run_[j]", 2L),
                    java.util.Map.entry("T.run_[0];V.park_[i]", 1L));
            assertThat(s.allocationBytes()).containsOnly(java.util.Map.entry("T.run_[0];app.H.buffer_[j]", 4096L));
            assertThat(s.allocationSamples()).isEqualTo(1);
            assertThat(s.leftOut()).containsOnly(java.util.Map.entry(ThreadRole.GENERATOR, 1L),
                    java.util.Map.entry(ThreadRole.TELEMETRY, 1L));
        });
    }

    @Test
    void everyFifthSealedSecondBringsTheSummarySoFar() {
        List<TelemetrySummary> checkpoints = new ArrayList<>();
        Timeline withCheckpoints = new Timeline(0, List.of(), 1000 * MB, new TelemetryListener() {
            @Override
            public void second(TelemetrySecond second) {}

            @Override
            public void checkpoint(TelemetrySummary soFar) {
                checkpoints.add(soFar);
            }
        });
        for (int s = 0; s < 12; s++) {
            withCheckpoints.gc(s * 1000 + 500, "G1New", "G1 Evacuation Pause", 1.0, 1.0);
        }

        withCheckpoints.seal(3000);
        assertThat(checkpoints).as("3 seconds sealed").isEmpty();
        withCheckpoints.seal(7000);
        withCheckpoints.seal(11000);

        assertThat(checkpoints).extracting(c -> c.gc().pauses()).as("after 5 and 10 seconds: the pauses so far")
                .containsExactly(12L, 12L);
        assertThat(withCheckpoints.finish(12000).gc().pauses()).isEqualTo(12);
        assertThat(checkpoints).as("the end brings the summary itself, no checkpoint").hasSize(2);
    }
}
