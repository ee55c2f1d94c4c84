package dev.loupe.engine.server.workload;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.time.Duration;

/**
 * {@code sleep[:DURATION]}: each request blocks its thread in {@link Thread#sleep(Duration)}, like a
 * handler waiting on a slow database or service: the thread is held, the CPU is not. On a platform
 * thread this blocks the thread; on a virtual thread it unmounts and frees the carrier; on an event
 * loop it stalls every connection of that loop.
 *
 * <p>Precision: the sleep is never shorter than asked ({@code Thread.sleep} on JDK 21+ keeps
 * sleeping until the whole time has passed, at nanosecond resolution), but it may be longer: on
 * Linux a platform thread wakes some 50–100 µs late (timer slack and scheduling), and a virtual
 * thread's wake-up goes through the scheduler's timer and a free carrier, which adds more under load.
 * So {@code sleep:100us} costs roughly 150–250 µs per request; at 1 ms and above the overshoot is
 * small in proportion.
 */
final class Sleep implements Workload {
    static final Duration DEFAULT = Duration.ofMillis(1);
    static final Duration MIN = Duration.ofNanos(1_000);
    static final Duration MAX = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String parameter() {
        return "DURATION";
    }

    @Override
    public String defaultParameter() {
        return Durations.format(DEFAULT);
    }

    @Override
    public String description() {
        return "Thread.sleep: holds the thread but not the CPU, like waiting on I/O (never shorter,"
                + " often ~50-100us longer)";
    }

    @Override
    public RequestHandler handler(String parameter) {
        Duration time = Parameters.duration("sleep time", parameter, MIN, MAX);
        HttpResponse response = HttpResponse.text(200, "slept " + Durations.format(time) + "\n");
        return request -> {
            Thread.sleep(time);
            return response;
        };
    }
}
