package dev.loupe.engine.server.workload;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.time.Duration;

/**
 * {@code contended[:DURATION]}: every request of a server enters one {@code synchronized} block and
 * computes inside it for DURATION, so requests queue on one monitor: throughput can never pass
 * {@code 1 / DURATION}, however many threads or cores, and JFR reports each wait of at least its
 * threshold as {@code jdk.JavaMonitorEnter}, with {@link GlobalLock} as the monitor class. The lock
 * is one per handler, so it is global to the server that uses the handler (and two servers in one
 * JVM do not share it).
 *
 * <p>On JDK 24 and later a virtual thread waiting for the monitor unmounts instead of pinning its
 * carrier (JEP 491), and then JFR records no {@code jdk.JavaMonitorEnter} for the wait (measured on
 * JDK 25.0.3): the event shows this workload on platform-thread variants only.
 */
final class Contended implements Workload {
    static final Duration DEFAULT = Duration.ofNanos(200_000);
    static final Duration MIN = Duration.ofNanos(1_000);
    static final Duration MAX = Duration.ofSeconds(10);

    /** The monitor every request takes; a class of its own so JFR events name it plainly. */
    static final class GlobalLock {}

    @Override
    public String name() {
        return "contended";
    }

    @Override
    public String parameter() {
        return "DURATION held";
    }

    @Override
    public String defaultParameter() {
        return Durations.format(DEFAULT);
    }

    @Override
    public String description() {
        return "holds one synchronized lock that long per request: requests queue on one monitor"
                + " (jdk.JavaMonitorEnter on platform threads)";
    }

    @Override
    public RequestHandler handler(String parameter) {
        Duration held = Parameters.duration("lock hold time", parameter, MIN, MAX);
        long nanos = held.toNanos();
        GlobalLock lock = new GlobalLock();
        HttpResponse response = HttpResponse.text(200, "held the lock " + Durations.format(held) + "\n");
        return request -> {
            synchronized (lock) {
                BusyWork.spinFor(nanos);
            }
            return response;
        };
    }
}
