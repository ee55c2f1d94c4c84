package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.ManualNanoClock;
import org.junit.jupiter.api.Test;

/**
 * The open model's pacing against a manual clock: which request is due, how late the generator is,
 * how long it was behind. Nothing sleeps.
 */
class SchedulePacerTest {
    private static final long MS = 1_000_000L;
    private final ManualNanoClock clock = new ManualNanoClock(0);

    private SchedulePacer pacer(double rateRps, long offset, long stride, long endNs) {
        return new SchedulePacer(ArrivalSchedule.constant(rateRps).arrivals(), offset, stride, endNs);
    }

    /** What the selector loop does: send every due request. Returns how many went out. */
    private static int sendDue(SchedulePacer p, long nowNs) {
        int sent = 0;
        while (p.isDue(nowNs)) {
            p.advance();
            sent++;
        }
        return sent;
    }

    @Test
    void onTimeTheGeneratorIsNeverBehind() {
        SchedulePacer p = pacer(1000, 0, 1, 1_000 * MS);
        long behind = 0;
        for (int step = 0; step < 1000; step++) {
            behind += p.accountBehindNs(clock.nanoTime());
            sendDue(p, clock.nanoTime());
            assertThat(p.lagNs(clock.nanoTime())).isZero();
            clock.advanceNs(MS / 2);
        }
        assertThat(behind).isZero();
        assertThat(p.nextIndex()).isEqualTo(500);
    }

    @Test
    void aStalledGeneratorFallsBehindAndCatchesUp() {
        SchedulePacer p = pacer(1000, 0, 1, 1_000 * MS);
        assertThat(p.accountBehindNs(clock.nanoTime())).isZero();
        assertThat(sendDue(p, clock.nanoTime())).isEqualTo(1); // request 0 at 0 ms
        assertThat(p.nextIntendedNs()).isEqualTo(MS);

        clock.setNs(10 * MS); // stalled: nothing sent between 0 and 10 ms
        assertThat(p.lagNs(clock.nanoTime())).as("request 1 was due at 1 ms").isEqualTo(9 * MS);
        assertThat(p.accountBehindNs(clock.nanoTime())).as("behind from 1 ms + 1 ms tolerance").isEqualTo(8 * MS);

        clock.setNs(12 * MS);
        assertThat(p.accountBehindNs(clock.nanoTime())).isEqualTo(2 * MS);
        assertThat(p.countDueAt(clock.nanoTime())).as("requests 1..12 are due").isEqualTo(12);
        assertThat(sendDue(p, clock.nanoTime())).as("the backlog goes out at once").isEqualTo(12);
        assertThat(p.lagNs(clock.nanoTime())).isZero();

        clock.setNs(12 * MS + MS / 2);
        assertThat(p.accountBehindNs(clock.nanoTime())).isZero();
    }

    @Test
    void threadsShareTheScheduleByStride() {
        SchedulePacer second = pacer(1000, 1, 2, 1_000 * MS);
        assertThat(second.nextIndex()).isEqualTo(1);
        assertThat(second.nextIntendedNs()).isEqualTo(MS);
        second.advance();
        assertThat(second.nextIndex()).isEqualTo(3);
        assertThat(second.nextIntendedNs()).isEqualTo(3 * MS);
    }

    @Test
    void nothingIsDueAtOrAfterTheEnd() {
        SchedulePacer p = pacer(1000, 0, 1, 3 * MS);
        clock.setNs(100 * MS);
        assertThat(sendDue(p, clock.nanoTime())).isEqualTo(3);
        assertThat(p.nextIntendedNs()).isEqualTo(ArrivalSchedule.NEVER);
        assertThat(p.lagNs(clock.nanoTime())).isZero();
        assertThat(p.accountBehindNs(clock.nanoTime())).isZero();
    }
}
