package dev.loupe.engine.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        final AtomicLong millis = new AtomicLong();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void formatsAnImfFixdateWithATwoDigitDay() {
        InstantSource clock = InstantSource.fixed(Instant.parse("1994-11-06T08:49:37.250Z"));
        byte[] date = new HttpDate(clock).current();
        assertThat(new String(date, StandardCharsets.US_ASCII)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(date).hasSize(HttpDate.LENGTH);
    }

    @Test
    void reformatsOnlyWhenTheSecondChanges() {
        ManualClock clock = new ManualClock();
        clock.millis.set(Instant.parse("2026-01-02T03:04:05.000Z").toEpochMilli());
        HttpDate date = new HttpDate(clock);
        byte[] first = date.current();
        clock.millis.addAndGet(999);
        assertThat(date.current()).as("same second: the very same cached bytes").isSameAs(first);
        clock.millis.addAndGet(1);
        byte[] next = date.current();
        assertThat(next).isNotSameAs(first);
        assertThat(new String(next, StandardCharsets.US_ASCII)).isEqualTo("Fri, 02 Jan 2026 03:04:06 GMT");
        assertThat(date.current()).isSameAs(next);
    }
}
