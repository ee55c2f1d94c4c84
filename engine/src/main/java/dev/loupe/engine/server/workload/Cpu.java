package dev.loupe.engine.server.workload;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.time.Duration;

/**
 * {@code cpu[:DURATION]}: each request computes for that long on its own thread, a CPU-bound
 * handler. On platform threads the work is at least DURATION of the thread's CPU time (so a server
 * with more threads than cores does not get a cheaper request); on virtual threads, whose CPU time
 * the JVM cannot read, DURATION of wall-clock time on the carrier. See {@link BusyWork#burnCpu}.
 * Throughput can then never pass {@code cores / DURATION}, whatever the concurrency model.
 */
final class Cpu implements Workload {
    static final Duration DEFAULT = Duration.ofNanos(50_000);
    static final Duration MIN = Duration.ofNanos(1_000);
    static final Duration MAX = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "cpu";
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
        return "busy computation on the request's thread: CPU-bound, at most cores / DURATION"
                + " requests per second";
    }

    @Override
    public RequestHandler handler(String parameter) {
        Duration time = Parameters.duration("cpu time", parameter, MIN, MAX);
        long nanos = time.toNanos();
        HttpResponse response = HttpResponse.text(200, "computed " + Durations.format(time) + "\n");
        return request -> {
            BusyWork.burnCpu(nanos);
            return response;
        };
    }
}
