package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.units.Numbers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code fail[:PERCENT]}: that share of requests throw, which the server must answer {@code 500}
 * while it carries on. Failures are spread evenly and deterministically: request {@code n} (0, 1, 2…
 * in arrival order) fails when {@code floor((n + 1) × share) > floor(n × share)}, so at 10 % every
 * tenth request fails, and any run of N requests has N × share failures, rounded down or up.
 * Counting arrivals takes one atomic increment per request, shared by all threads.
 */
final class Fail implements Workload {
    static final String DEFAULT = "10%";

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public String parameter() {
        return "PERCENT";
    }

    @Override
    public String defaultParameter() {
        return DEFAULT;
    }

    @Override
    public String description() {
        return "that share of requests throw, evenly spread: answered 500, and the server stays up";
    }

    @Override
    public RequestHandler handler(String parameter) {
        return new Handler(Parameters.partsPerMillion("failure share", parameter));
    }

    /** The exception a failing request throws. */
    static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String message) {
            super(message);
        }
    }

    static final class Handler implements RequestHandler, WorkloadStats {
        private final long partsPerMillion;
        private final String share;
        private final HttpResponse ok;
        private final AtomicLong requests = new AtomicLong();
        private final LongAdder failed = new LongAdder();

        Handler(long partsPerMillion) {
            this.partsPerMillion = partsPerMillion;
            this.share = Numbers.partsPerMillionAsPercent(partsPerMillion);
            this.ok = HttpResponse.text(200, "passed (fail:" + share + ")\n");
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            long n = requests.getAndIncrement();
            if (fails(n, partsPerMillion)) {
                failed.increment();
                throw new InjectedFailure("fail:" + share + ": request " + (n + 1) + " fails on purpose");
            }
            return ok;
        }

        /** Whether request {@code n} (from 0) fails at this share: evenly spread, exact over any run. */
        static boolean fails(long n, long partsPerMillion) {
            long k = n % Parameters.MILLION; // the pattern repeats every million requests; no overflow
            return (k + 1) * partsPerMillion / Parameters.MILLION > k * partsPerMillion / Parameters.MILLION;
        }

        @Override
        public Map<String, Long> stats() {
            long failures = failed.sum();
            return new Stats().put("requests", Math.max(requests.get(), failures)).put("failed", failures).map();
        }
    }
}
