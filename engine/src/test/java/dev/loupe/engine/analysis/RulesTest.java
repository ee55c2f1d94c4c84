package dev.loupe.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.Evidence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule on synthetic seconds: the pathology it names, with exact words, and the healthy control. */
class RulesTest {

    private static Optional<Finding> find(Rule rule, Facts facts) {
        return rule.evaluate(facts.build());
    }

    private static Facts healthy() {
        return Facts.run("event-loop", "hello").seconds(10, (i, s) -> {});
    }

    @Test
    void aHealthyRunHasNoFindingAboveGreen() {
        assertThat(Rules.evaluate(healthy().build())).allMatch(f -> f.severity() == Severity.GREEN);
    }

    // dispatch-blocked

    @Test
    void aBlockedLoopIsRedAndNamesTheBlockingFrame() {
        Facts facts = Facts.run("event-loop", "sleep:1ms").seconds(10, (i, s) -> s.dispatch = new DelayMs(12, 80, 95))
                .lateDispatch(new Evidence("loop-0", "loupe-server-loop-0 TIMED_WAITING", "server", 40, 900, 95,
                        List.of("java.lang.Thread.sleep0", "java.lang.Thread.sleep:509",
                                "dev.loupe.engine.server.workload.Sleep.handle:41")));
        Finding f = find(new DispatchBlockedRule(), facts).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Dispatch is blocked: work waits 95.0 ms to start (median 12.0 ms) on loop-0 in Thread.sleep0 (from Sleep.handle)");
        assertThat(f.evidence()).startsWith("Dispatch delay (how late a probe handed to each loop, pool or scheduler every"
                + " 10 ms ran): median of the per-second medians 12.0 ms, worst 95.0 ms; 10 seconds of 10 seconds at or"
                + " above 10.0 ms.")
                .contains("- loop-0 (loupe-server-loop-0 TIMED_WAITING): 40 times, 900 ms in all, longest 95.0 ms, at"
                        + " java.lang.Thread.sleep0 ← java.lang.Thread.sleep:509 ← dev.loupe.engine.server.workload.Sleep.handle:41");
        assertThat(f.advice()).startsWith("Move the blocking call off the event loop");
    }

    @Test
    void oneLongStallIsRedByItsMaxAndAFewShortOnesAreYellow() {
        Facts stall = Facts.run("fixed-pool", "hello").seconds(10, (i, s) -> s.dispatch = i == 5 ? new DelayMs(2, 150, 150) : s.dispatch);
        assertThat(find(new DispatchBlockedRule(), stall).orElseThrow().severity()).isEqualTo(Severity.RED);
        Facts some = Facts.run("fixed-pool", "hello").seconds(10, (i, s) -> s.dispatch = i < 3 ? new DelayMs(1, 15, 20) : s.dispatch);
        Finding f = find(new DispatchBlockedRule(), some).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
        assertThat(f.title()).isEqualTo("Dispatch stalls now and then: work waited up to 20.0 ms to start");
        assertThat(f.advice()).startsWith("Give the pool as many workers (server.threads) as connections");
        assertThat(find(new DispatchBlockedRule(), healthy())).isEmpty();
    }

    // gc-pressure, heap

    @Test
    void gcPausesOverTenPercentAreRed() {
        Facts facts = Facts.run("virtual-threads", "alloc:64KiB").seconds(10, (i, s) -> {
            s.gcPauses = 4;
            s.gcPauseMsTotal = 120;
            s.gcPauseMsMax = 45;
        });
        Finding f = find(new GcPressureRule(), facts).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("GC pauses take 12 % of the time (longest 45.0 ms)");
        assertThat(f.evidence()).startsWith("40 collections paused the application for 1.20 s in 10 s (12 %; 12 %"
                + " in the worst 60 s window); the longest pause was 45.0 ms; the worst second (1 s to 2 s) held"
                + " 120 ms of pauses.");
    }

    @Test
    void oneBadMinuteInALongRunIsRedThoughTheWholeRunIsNot() {
        Facts facts = Facts.run("virtual-threads", "alloc").seconds(300, (i, s) -> {
            s.gcPauses = 1;
            s.gcPauseMsTotal = i >= 100 && i < 160 ? 90 : 5; // a minute at 9 %, the rest at 0.5 %
            s.gcPauseMsMax = s.gcPauseMsTotal;
        });
        Finding f = find(new GcPressureRule(), facts).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
        assertThat(f.title()).isEqualTo("GC pauses take 9 % of the time in the worst minute (longest 90.0 ms)");
        assertThat(f.evidence()).contains("(2.2 %; 9 % in the worst 60 s window)");
        assertThat(GcPressureRule.worstWindowPct(facts.build().jvm())).isCloseTo(9.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shortRarePausesSayNothingAndOneHeavySecondIsYellow() {
        Facts rare = Facts.run("virtual-threads", "alloc").seconds(10, (i, s) -> {
            s.gcPauses = 1;
            s.gcPauseMsTotal = 3;
            s.gcPauseMsMax = 3;
        });
        assertThat(find(new GcPressureRule(), rare)).isEmpty();
        Facts heavy = Facts.run("virtual-threads", "alloc").seconds(20, (i, s) -> {
            s.gcPauses = 1;
            s.gcPauseMsTotal = i == 7 ? 60 : 2;
            s.gcPauseMsMax = s.gcPauseMsTotal;
        });
        Finding f = find(new GcPressureRule(), heavy).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
        assertThat(f.title()).isEqualTo("GC pauses held the application 60.0 ms in one second (0.49 % of the time overall)");
    }

    @Test
    void aRisingFloorIsALeakAndAFlatOneIsAHealthySawtooth() {
        Facts leak = Facts.run("virtual-threads", "leak:16KiB").maxHeapMb(1024).seconds(10, (i, s) -> {
            s.gcPauses = 2;
            s.heapAfterGcMb = 100.0 + 20 * i;
        });
        Finding f = find(new HeapTrendRule(), leak).orElseThrow();
        assertThat(f.rule()).isEqualTo("heap-growth");
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Heap left after GC grows 1200 MB a minute: a leak is suspected");
        assertThat(f.evidence()).contains("went from 120 MB to 260 MB").contains("full in about 0.6 minutes");

        Facts sawtooth = Facts.run("virtual-threads", "alloc").maxHeapMb(1024).seconds(10, (i, s) -> {
            s.gcPauses = 3;
            s.heapAfterGcMb = 40.0 + (i % 2) * 0.5;
        });
        Finding ok = find(new HeapTrendRule(), sawtooth).orElseThrow();
        assertThat(ok.rule()).isEqualTo("heap-sawtooth");
        assertThat(ok.severity()).isEqualTo(Severity.GREEN);
        assertThat(ok.title()).isEqualTo("Heap saw-tooths back to about 40.5 MB after each collection: healthy");
    }

    @Test
    void aSlowLeakThatWouldTakeLongToFillIsYellow() {
        Facts slow = Facts.run("virtual-threads", "leak:1KiB").maxHeapMb(3072).seconds(30, (i, s) -> {
            s.gcPauses = 1;
            s.heapAfterGcMb = 100.0 + 4 * i; // 240 MB/min of 3 GB: full in about 12 minutes
        });
        assertThat(find(new HeapTrendRule(), slow).orElseThrow().severity()).isEqualTo(Severity.YELLOW);
    }

    // lock-contention, pinning

    @Test
    void threadsWaitingForALockAreNamedByClass() {
        Facts facts = Facts.run("fixed-pool", "contended:2ms").seconds(10, (i, s) -> {
            s.monitorEvents = 300;
            s.lockWaitMsTotal = 3500;
        }).lock(new Evidence("dev.loupe.engine.server.workload.Contended$GlobalLock", "monitor", "server", 3000, 35000, 30,
                List.of("dev.loupe.engine.server.workload.Contended.handle:52")));
        Finding f = find(new LockContentionRule(), facts).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Threads queue for a lock on Contended$GlobalLock: 3.5 threads waiting on average");
        assertThat(f.evidence()).startsWith("The server's threads waited 35.0 s for locks in 10 s: 3,000 waits to enter"
                + " a synchronized monitor and 0 parks on java.util.concurrent locks; on average 3.50 threads were waiting");
        Facts little = Facts.run("fixed-pool", "hello").seconds(10, (i, s) -> s.lockWaitMsTotal = 20);
        assertThat(find(new LockContentionRule(), little)).isEmpty();
    }

    @Test
    void pinsAreYellowAndAPinnedCarrierIsRed() {
        Facts few = Facts.run("virtual-threads", "pinned:5ms").seconds(10, (i, s) -> {
            s.pinnedEvents = i == 0 ? 2 : 0;
            s.pinnedMsTotal = i == 0 ? 10 : 0;
        });
        Finding f = find(new PinningRule(), few).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
        assertThat(f.title()).isEqualTo("Virtual threads are pinned to their carriers: 2 pins, 10.0 ms in all");
        Facts many = Facts.run("virtual-threads", "pinned:5ms").seconds(10, (i, s) -> {
            s.pinnedEvents = 100;
            s.pinnedMsTotal = 500;
        }).pin(new Evidence("Native or VM frame on stack", "", "server", 1000, 5000, 5,
                List.of("dev.loupe.engine.server.workload.Pinned.handle:40")));
        Finding red = find(new PinningRule(), many).orElseThrow();
        assertThat(red.severity()).isEqualTo(Severity.RED);
        assertThat(red.title()).endsWith("(Native or VM frame on stack)");
        assertThat(find(new PinningRule(), healthy())).isEmpty();
    }

    // cas-retry-storm, saturation, threads, connections

    @Test
    void anAtomThatLosesMoreThanItWinsIsAStorm() {
        Facts storm = Facts.run("virtual-threads", "queue:atom").workload("successes", 10_000).workload("retries", 35_000)
                .seconds(12, (i, s) -> s.rps = 1000 - 70 * i);
        Finding f = find(new CasStormRule(), storm).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Compare-and-set retry storm: 3.5 retries for each update that won");
        assertThat(f.evidence()).contains("Throughput went from 930 req/s in the first quarter of the measured seconds"
                + " to 300 req/s in the last, below 50 %: a collapse.");
        assertThat(f.advice()).contains("queue:concurrent");
        Facts calm = Facts.run("virtual-threads", "queue:atom").workload("successes", 10_000).workload("retries", 100)
                .seconds(12, (i, s) -> {});
        assertThat(find(new CasStormRule(), calm)).isEmpty();
        assertThat(find(new CasStormRule(), healthy())).isEmpty();
    }

    @Test
    void aRateNotMetAndRefusalsAreSaturation() {
        Facts open = Facts.open("event-loop", "sleep:1ms", 2000).seconds(10, (i, s) -> s.rps = 900);
        Finding f = find(new SaturationRule(), open).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("The server is saturated: 900 of the 2,000 req/s asked were served");

        Facts refusing = Facts.run("thread-per-connection", "sleep:10ms").refused(40)
                .errors(ErrorCounts.of(0, 0, 0, 0, 0, 0, 400)).seconds(10, (i, s) -> {});
        Finding r = find(new SaturationRule(), refusing).orElseThrow();
        assertThat(r.severity()).isEqualTo(Severity.RED);
        assertThat(r.title()).isEqualTo("The server is saturated: 400 5xx answers");
        assertThat(r.evidence()).isEqualTo("400 5xx answers (the server refused 40 connections because it was full):"
                + " 4.00 % of requests (red from 1 %).");

        Facts queueing = Facts.run("fixed-pool", "sleep:5ms").seconds(12, (i, s) -> s.serverQueue = 5 * i);
        assertThat(find(new SaturationRule(), queueing).orElseThrow().severity()).isEqualTo(Severity.YELLOW);
        assertThat(find(new SaturationRule(), healthy())).isEmpty();
    }

    @Test
    void thousandsOfPlatformThreadsAreAnExplosion() {
        Facts many = Facts.run("thread-per-connection", "sleep:10ms").seconds(5, (i, s) -> s.platformThreads = 600 + 500 * i);
        Finding f = find(new ThreadExplosionRule(), many).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Thread explosion: 2,600 platform threads");
        assertThat(f.advice()).contains("accept-pool");
        assertThat(find(new ThreadExplosionRule(), healthy())).isEmpty();
    }

    @Test
    void connectionsThatGrowWhileThroughputStaysFlatLeak() {
        Facts leak = Facts.run("virtual-threads", "hello").seconds(12, (i, s) -> s.serverConnections = 10 + 15 * i);
        Finding f = find(new ConnectionLeakRule(), leak).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Connections pile up: the server holds 145 open while serving no more");
        Facts growingLoad = Facts.run("virtual-threads", "hello").seconds(12, (i, s) -> {
            s.serverConnections = 10 + 15 * i;
            s.rps = 1000 + 500 * i;
        });
        assertThat(find(new ConnectionLeakRule(), growingLoad)).isEmpty();
        assertThat(find(new ConnectionLeakRule(), healthy())).isEmpty();
    }

    @Test
    void whenTheClientsHoldTheGrowingConnectionsTheFindingSaysTheClientSideLeaks() {
        // 10 connections' worth of load (Facts.run), each request leaving its connection open: both sides grow.
        // The run sends for 10 s after its 1 s warm-up; the seconds after that (draining) are not read.
        Facts leaky = Facts.run("virtual-threads", "queue:concurrent").seconds(12, (i, s) -> {
            s.serverConnections = 10 + 300 * i;
            s.clientConnections = 10 + 300 * i;
        });
        Finding f = find(new ConnectionLeakRule(), leaky).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("The clients leak connections: they hold 2,710 open to send 10 requests at a time");
        assertThat(f.evidence()).contains("at the end the clients held 2,710 and the server 2,710");
        assertThat(f.advice()).startsWith("Close each response when you are done with it");

        Facts mild = Facts.run("virtual-threads", "queue:concurrent").seconds(12, (i, s) -> {
            s.serverConnections = 10 + 5 * i;
            s.clientConnections = 10 + 5 * i;
        });
        assertThat(find(new ConnectionLeakRule(), mild).orElseThrow().severity()).as("65 for 10: yellow")
                .isEqualTo(Severity.YELLOW);
        Facts serverSide = Facts.run("virtual-threads", "hello").seconds(12, (i, s) -> s.serverConnections = 10 + 300 * i);
        assertThat(find(new ConnectionLeakRule(), serverSide).orElseThrow().title())
                .as("control: the clients hold only their own, so the server is the one holding them")
                .startsWith("Connections pile up: the server holds");
    }

    // results-unreliable

    @Test
    void aSaturatedGeneratorIsRedAndAFullMachineYellow() {
        Facts behind = Facts.open("event-loop", "hello", 50_000).generator(new GeneratorHealth(4200, true))
                .seconds(10, (i, s) -> s.machineCpuPct = 99.0);
        Finding f = find(new GeneratorRule(), behind).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.title()).isEqualTo("Results unreliable: the load generator fell behind its schedule");
        assertThat(f.evidence()).endsWith("The machine's CPU was 99 % busy in the median second.");

        Facts full = Facts.run("event-loop", "hello").seconds(10, (i, s) -> {
            s.machineCpuPct = 98.0;
            s.processCpuPct = 96.0;
        });
        Finding y = find(new GeneratorRule(), full).orElseThrow();
        assertThat(y.severity()).isEqualTo(Severity.YELLOW);
        assertThat(y.title()).isEqualTo("The machine's CPU was full (98 %): throughput shows the machine's limit");

        Facts competing = Facts.run("event-loop", "hello").seconds(10, (i, s) -> {
            s.machineCpuPct = 80.0;
            s.processCpuPct = 40.0;
        });
        assertThat(find(new GeneratorRule(), competing).orElseThrow().title())
                .isEqualTo("Other processes took 40 % of the machine's CPU during the run");
        assertThat(find(new GeneratorRule(), healthy())).isEmpty();
    }

    // latency-spike

    @Test
    void aSpikeIsMatchedWithTheGcPauseBesideIt() {
        Facts facts = Facts.run("virtual-threads", "alloc").seconds(10, (i, s) -> {
            if (i == 6) {
                s.p99Ms = 240;
            }
            if (i == 5) {
                s.gcPauses = 1;
                s.gcPauseMsTotal = 190;
                s.gcPauseMsMax = 190;
            }
        });
        Finding f = find(new LatencySpikeRule(), facts).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
        assertThat(f.title()).isEqualTo("Latency spikes: p99 reached 240 ms at 7 s (usually 2.00 ms)");
        assertThat(f.evidence()).isEqualTo("1 second with a p99 at least 3× the usual 2.00 ms and 5.00 ms above it:\n"
                + "- p99 rose to 240 ms at 7 s (usually 2.00 ms); a 190 ms GC pause in 6 s–7 s.");
    }

    @Test
    void atTheEndTheSpikeNamesTheCollectorAndWhenItsPauseStarted() {
        Facts facts = Facts.run("virtual-threads", "alloc").seconds(10, (i, s) -> {
            if (i == 6) {
                s.p99Ms = 240;
            }
            if (i == 5) {
                s.gcPauses = 1;
                s.gcPauseMsTotal = 190;
                s.gcPauseMsMax = 190;
            }
        }).gcPause(new dev.loupe.engine.telemetry.TelemetrySummary.GcPause(6_900, "G1New", "G1 Evacuation Pause", 190));
        Finding f = find(new LatencySpikeRule(), facts).orElseThrow();
        assertThat(f.evidence()).endsWith("- p99 rose to 240 ms at 7 s (usually 2.00 ms); a 190 ms G1New pause"
                + " (G1 Evacuation Pause) started at about 6.9 s.");
    }

    @Test
    void aSpikeWithNothingBesideItSaysSoAndASteadyRunHasNone() {
        Facts facts = Facts.run("virtual-threads", "hello").seconds(10, (i, s) -> s.p99Ms = i == 3 ? 50 : 2);
        Finding f = find(new LatencySpikeRule(), facts).orElseThrow();
        assertThat(f.evidence()).endsWith("; the JVM shows no cause in that second or the one before.");
        assertThat(f.advice()).endsWith("nothing in the JVM explains these spikes.");
        assertThat(find(new LatencySpikeRule(), healthy())).isEmpty();
    }

    // order and live evaluation

    @Test
    void unreliableResultsComeFirstThenWorstFirst() {
        Finding green = new Finding("heap-sawtooth", Severity.GREEN, "g", "", "");
        Finding red = new Finding("gc-pressure", Severity.RED, "r", "", "");
        Finding yellow = new Finding("results-unreliable", Severity.YELLOW, "y", "", "");
        Finding yellow2 = new Finding("latency-spike", Severity.YELLOW, "y2", "", "");
        assertThat(Rules.order(List.of(green, yellow2, red, yellow))).containsExactly(yellow, red, yellow2, green);
    }

    @Test
    void liveFactsWithoutASummaryStillFindFromTheSeries() {
        Facts facts = Facts.run("event-loop", "sleep:1ms").seconds(10, (i, s) -> s.dispatch = new DelayMs(12, 80, 95)).live();
        List<Finding> found = Rules.evaluate(facts.build());
        assertThat(found).extracting(Finding::rule).contains("dispatch-blocked");
        assertThat(found.stream().filter(x -> x.rule().equals("dispatch-blocked")).findFirst().orElseThrow().title())
                .isEqualTo("Dispatch is blocked: work waits 95.0 ms to start (median 12.0 ms)");
    }

    @Test
    void withoutTelemetryOnlyTheClientSideRulesSpeak() {
        Facts facts = Facts.run("event-loop", "hello").seconds(10, (i, s) -> {
            s.telemetry = false;
            s.p99Ms = i == 4 ? 40 : 2;
        });
        List<Finding> found = Rules.evaluate(facts.build());
        assertThat(found).extracting(Finding::rule).containsExactly("latency-spike");
        assertThat(found.getFirst().advice()).isEqualTo("Run with telemetry on to see what the JVM did in those seconds.");
    }

}
