package dev.loupe.engine.load;

import dev.loupe.engine.checks.ArgumentChecks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When each request of an open-model run should start. A schedule is a pure sequence: it answers
 * "when should request n start, in nanoseconds since the run's start" and never reads a clock; the
 * generator compares its clock with the answer and measures each request's latency from it (its
 * <em>intended</em> start), however late the request actually goes out.
 *
 * <p>Schedules are immutable and thread-safe; {@link #arrivals()} makes a sequence object for one
 * thread (a Poisson sequence remembers where it is, so sequential reads cost O(1)).
 */
public sealed interface ArrivalSchedule {
    /** The highest arrival rate any schedule takes, in requests per second. */
    double MAX_RATE_RPS = 10_000_000;

    /** The intended start of a request that never comes (the rate dropped to zero for good). */
    long NEVER = Long.MAX_VALUE;

    /** A new sequence for one thread. */
    Arrivals arrivals();

    /** The rate, in requests per second, at {@code atNs} since the start: for messages and charts. */
    double rateRpsAt(long atNs);

    /** A sequence of intended starts. Deterministic: the same n always gives the same answer. */
    interface Arrivals {
        /** When request {@code n} (0-based) should start, in ns since the run's start, or {@link #NEVER}. */
        long intendedStartNs(long n);
    }

    static ArrivalSchedule constant(double rateRps) {
        return new Constant(rateRps);
    }

    static ArrivalSchedule ramp(List<Stage> stages) {
        return new Ramp(stages);
    }

    static ArrivalSchedule poisson(double rateRps, long seed) {
        return new Poisson(rateRps, seed);
    }

    /** Evenly spaced requests: request n starts at {@code n / rateRps} seconds. */
    record Constant(double rateRps) implements ArrivalSchedule {
        public Constant {
            ArgumentChecks.inRange("rateRps", rateRps, 0, MAX_RATE_RPS, "requests per second");
        }

        @Override
        public Arrivals arrivals() {
            double intervalNs = 1e9 / rateRps;
            return n -> rateRps == 0 ? NEVER : Math.round(n * intervalNs);
        }

        @Override
        public double rateRpsAt(long atNs) {
            return rateRps;
        }
    }

    /**
     * One linear piece of a ramp.
     *
     * @param fromRps the rate at the stage's start
     * @param toRps the rate at its end
     * @param duration how long the stage lasts
     */
    record Stage(double fromRps, double toRps, Duration duration) {
        public Stage {
            ArgumentChecks.inRange("fromRps", fromRps, 0, MAX_RATE_RPS, "requests per second");
            ArgumentChecks.inRange("toRps", toRps, 0, MAX_RATE_RPS, "requests per second");
            ArgumentChecks.positive("duration", duration);
        }
    }

    /**
     * A rate that changes linearly within each stage (the stages run back to back from the start) and
     * holds the last stage's {@code toRps} after the last stage. Request n starts when the integral of
     * the rate reaches n, so request 0 starts at 0.
     */
    record Ramp(List<Stage> stages) implements ArrivalSchedule {
        public Ramp {
            stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("stages: empty (expected: at least one stage)");
            }
        }

        @Override
        public Arrivals arrivals() {
            int k = stages.size();
            double[] startS = new double[k + 1];
            double[] startCount = new double[k + 1];
            for (int i = 0; i < k; i++) {
                Stage s = stages.get(i);
                double d = s.duration().toNanos() / 1e9;
                startS[i + 1] = startS[i] + d;
                startCount[i + 1] = startCount[i] + (s.fromRps() + s.toRps()) * d / 2;
            }
            double holdRps = stages.get(k - 1).toRps();
            return n -> {
                for (int i = 0; i < k; i++) {
                    if (n < startCount[i + 1]) {
                        Stage s = stages.get(i);
                        double d = startS[i + 1] - startS[i];
                        double m = n - startCount[i];
                        double a = (s.toRps() - s.fromRps()) / (2 * d);
                        double b = s.fromRps();
                        double denominator = b + Math.sqrt(Math.max(0, b * b + 4 * a * m));
                        double tauS = denominator == 0 ? 0 : 2 * m / denominator;
                        return Math.round((startS[i] + tauS) * 1e9);
                    }
                }
                if (holdRps == 0) {
                    return NEVER;
                }
                return Math.round((startS[k] + (n - startCount[k]) / holdRps) * 1e9);
            };
        }

        @Override
        public double rateRpsAt(long atNs) {
            double t = atNs / 1e9;
            double stageStart = 0;
            for (Stage s : stages) {
                double d = s.duration().toNanos() / 1e9;
                if (t < stageStart + d) {
                    return s.fromRps() + (s.toRps() - s.fromRps()) * (t - stageStart) / d;
                }
                stageStart += d;
            }
            return stages.getLast().toRps();
        }
    }

    /**
     * Poisson arrivals: exponentially distributed gaps with mean {@code 1 / rateRps}, the first gap
     * counted from the start. Deterministic for a seed: gap i comes from a counter-based generator
     * keyed by {@code (seed, i)}, so any thread computing request n gets the same time.
     */
    record Poisson(double rateRps, long seed) implements ArrivalSchedule {
        public Poisson {
            ArgumentChecks.inRange("rateRps", rateRps, 0, MAX_RATE_RPS, "requests per second");
        }

        @Override
        public Arrivals arrivals() {
            if (rateRps == 0) {
                return n -> NEVER;
            }
            double meanGapNs = 1e9 / rateRps;
            return new Arrivals() {
                private long next; // the index whose start is nextNs
                private double nextNs = gapNs(0);

                private double gapNs(long i) {
                    return -Math.log1p(-Mix.unit(seed, i)) * meanGapNs;
                }

                @Override
                public long intendedStartNs(long n) {
                    if (n < next) {
                        next = 0;
                        nextNs = gapNs(0);
                    }
                    while (next < n) {
                        next++;
                        nextNs += gapNs(next);
                    }
                    return Math.round(nextNs);
                }
            };
        }

        @Override
        public double rateRpsAt(long atNs) {
            return rateRps;
        }
    }
}
