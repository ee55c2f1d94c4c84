package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
    @Test
    void pollsInDeadlineOrder() {
        TimerHeap heap = new TimerHeap(100);
        Random random = new Random(3);
        long[] deadlines = new long[100];
        for (int id = 0; id < 100; id++) {
            deadlines[id] = random.nextInt(1000);
            heap.add(id, deadlines[id]);
        }
        List<Long> order = new ArrayList<>();
        while (!heap.isEmpty()) {
            long d = heap.peekDeadline();
            int id = heap.poll();
            assertThat(deadlines[id]).isEqualTo(d);
            order.add(d);
        }
        assertThat(order).isSorted().hasSize(100);
        assertThat(heap.peekDeadline()).isEqualTo(Long.MAX_VALUE);
    }
}
