package dev.loupe.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.series.SecondInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
    static SecondInterval second(int s) {
        LatencyMs l = new LatencyMs(1, 1, 1, 1, 1, 1, 1, 1, 1);
        return new SecondInterval(s * 1000L, s * 1000L + 1000, false, 10, 10, 0, 1, l, l, 0);
    }

    @Test
    void drainsEverythingInOrderOnceAndKeepsOnlyTheNewestFindings() {
        LiveFeed feed = new LiveFeed();
        feed.offer(second(0));
        feed.offer(second(1));
        feed.offer(List.of());
        LiveFeed.Batch batch = feed.drain();
        assertThat(batch.seconds()).extracting(SecondInterval::startMs).containsExactly(0L, 1000L);
        assertThat(batch.findings()).isEmpty();
        assertThat(batch.dropped()).isZero();
        assertThat(feed.drain().isEmpty()).as("drained once").isTrue();
    }

    @Test
    void aFullFeedDropsTheOldestAndCountsThem() {
        LiveFeed feed = new LiveFeed(3);
        for (int s = 0; s < 5; s++) {
            feed.offer(second(s));
        }
        LiveFeed.Batch batch = feed.drain();
        assertThat(batch.seconds()).extracting(SecondInterval::startMs).containsExactly(2000L, 3000L, 4000L);
        assertThat(batch.dropped()).isEqualTo(2);
    }
}
