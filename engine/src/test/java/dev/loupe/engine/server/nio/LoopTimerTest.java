package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loop timer, driven by hand: no clock, no thread, no sleeping. */
class LoopTimerTest {

    static final class Entry extends LoopTimer.Node {
        final String name;

        Entry(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<String> drain(LoopTimer<Entry> timer, long now) {
        List<String> due = new ArrayList<>();
        Entry e;
        while ((e = timer.pollDue(now)) != null) {
            due.add(e.name);
        }
        return due;
    }

    @Test
    void nodesComeDueInDeadlineOrderAndNotBefore() {
        LoopTimer<Entry> timer = new LoopTimer<>(2);
        timer.schedule(new Entry("c"), 300);
        timer.schedule(new Entry("a"), 100);
        timer.schedule(new Entry("d"), 400);
        timer.schedule(new Entry("b"), 200);
        assertThat(timer.size()).isEqualTo(4);
        assertThat(timer.nextDeadline()).isEqualTo(100);

        assertThat(timer.pollDue(99)).as("nothing is due a nanosecond early").isNull();
        assertThat(drain(timer, 250)).containsExactly("a", "b");
        assertThat(drain(timer, 1000)).containsExactly("c", "d");
        assertThat(timer.size()).isZero();
    }

    @Test
    void aLaterDeadlineLeavesTheNodeWhereItIsSoItComesDueEarlyAndReArms() {
        LoopTimer<Entry> timer = new LoopTimer<>();
        Entry idle = new Entry("idle");
        timer.schedule(idle, 100);
        timer.schedule(idle, 5_000); // each keep-alive request pushes the deadline out: no heap work
        assertThat(timer.nextDeadline()).as("still queued at the earlier time").isEqualTo(100);

        assertThat(timer.pollDue(100)).isSameAs(idle); // early: the owner re-checks its own deadline
        assertThat(idle.timerQueued()).isFalse();
        timer.schedule(idle, 5_000); // and re-arms for the real one
        assertThat(timer.nextDeadline()).isEqualTo(5_000);
    }

    @Test
    void anEarlierDeadlineMovesTheNodeForward() {
        LoopTimer<Entry> timer = new LoopTimer<>();
        Entry a = new Entry("a");
        Entry b = new Entry("b");
        timer.schedule(a, 1_000);
        timer.schedule(b, 2_000);
        timer.schedule(b, 500); // a request's first byte: the header-read deadline is sooner than the idle one
        assertThat(timer.size()).as("each node is queued once").isEqualTo(2);
        assertThat(drain(timer, 600)).containsExactly("b");
        assertThat(drain(timer, 1_000)).containsExactly("a");
    }

    @Test
    void cancelRemovesANodeFromAnywhereInTheHeap() {
        LoopTimer<Entry> timer = new LoopTimer<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Entry e = new Entry("e" + i);
            entries.add(e);
            timer.schedule(e, 100 * (10 - i));
        }
        timer.cancel(entries.get(3));
        timer.cancel(entries.get(9)); // the root
        timer.cancel(entries.get(3)); // twice: harmless
        timer.cancel(new Entry("never queued"));
        assertThat(timer.size()).isEqualTo(8);
        assertThat(drain(timer, Long.MAX_VALUE))
                .containsExactly("e8", "e7", "e6", "e5", "e4", "e2", "e1", "e0");
    }

    @Test
    void deadlinesCompareAcrossTheClocksWrapAround() {
        LoopTimer<Entry> timer = new LoopTimer<>();
        long now = Long.MAX_VALUE - 50; // nanoTime may be anywhere, even about to wrap
        timer.schedule(new Entry("after-wrap"), now + 100); // overflows to a negative value
        timer.schedule(new Entry("before-wrap"), now + 10);
        assertThat(timer.pollDue(now)).isNull();
        assertThat(drain(timer, now + 20)).containsExactly("before-wrap");
        assertThat(drain(timer, now + 100)).containsExactly("after-wrap");
    }

    @Test
    void randomOperationsAgreeWithASimpleModel() {
        Random random = new Random(42);
        LoopTimer<Entry> timer = new LoopTimer<>(1);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(new Entry("e" + i));
        }
        Map<Entry, Long> model = new HashMap<>(); // what each queued node is due at, per the contract
        long now = -1_000_000; // negative, like nanoTime can be
        for (int step = 0; step < 20_000; step++) {
            Entry e = entries.get(random.nextInt(entries.size()));
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    long deadline = now + random.nextInt(10_000);
                    timer.schedule(e, deadline);
                    model.merge(e, deadline, Math::min); // never later than any deadline given
                }
                case 2 -> {
                    timer.cancel(e);
                    model.remove(e);
                }
                default -> {
                    now += random.nextInt(3_000);
                    Entry due;
                    long previous = Long.MIN_VALUE;
                    while ((due = timer.pollDue(now)) != null) {
                        Long expected = model.remove(due);
                        assertThat(expected).as("polled %s, which was not queued", due).isNotNull();
                        assertThat(expected).as("due at or before now").isLessThanOrEqualTo(now);
                        assertThat(expected).as("in deadline order").isGreaterThanOrEqualTo(previous);
                        previous = expected;
                    }
                    long then = now;
                    assertThat(model.values()).as("nothing due was left behind").allMatch(d -> d > then);
                }
            }
            assertThat(timer.size()).isEqualTo(model.size());
            if (!model.isEmpty()) {
                assertThat(timer.nextDeadline()).isEqualTo(model.values().stream().min(Long::compare).orElseThrow());
            }
        }
    }
}
