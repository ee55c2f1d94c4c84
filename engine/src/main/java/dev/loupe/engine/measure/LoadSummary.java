package dev.loupe.engine.measure;

/**
 * The measured part of a load run (warm-up excluded); exactly {@code result.json}'s {@code summary}
 * object, field for field, and serialized by Jackson under these names.
 *
 * @param requests requests that finished in the measured window, with a response (any status) or
 *     with an error; still-unanswered requests at the end of the stop grace count as timeouts
 * @param durationS the measured window: from the end of warm-up to the end of the last interval
 *     (which includes waiting for in-flight responses after sending stopped)
 * @param throughputRps responses received (any status, as wrk counts them) per second of {@code durationS};
 *     requests that failed without a response are not throughput
 * @param errorRatePct {@code errors.total} as a percentage of {@code requests}
 * @param errors failed requests by class
 * @param connections connection events over the whole run, warm-up included (connections opened
 *     during the warm-up are the ones the measurement uses)
 * @param latencyMs from each request's intended start to its complete response. In the closed model
 *     the intended start is the send, so this and {@code uncorrectedLatencyMs} are the same
 *     measurements (no after-the-fact correction is ever applied)
 * @param uncorrectedLatencyMs from the first request byte written to the complete response
 * @param generator whether the generator kept to its schedule
 */
public record LoadSummary(
        long requests,
        double durationS,
        double throughputRps,
        double errorRatePct,
        ErrorCounts errors,
        ConnectionCounts connections,
        LatencyMs latencyMs,
        LatencyMs uncorrectedLatencyMs,
        GeneratorHealth generator) {

    /**
     * The summary of a measured window: rates and shares computed and rounded as {@code result.json}
     * writes them (duration to the ms, throughput to 0.1 req/s, error rate to 0.001 %).
     *
     * @param responses complete responses (any status) in the window
     */
    public static LoadSummary of(long requests, long responses, double durationS, ErrorCounts errors,
            ConnectionCounts connections, LatencyMs latencyMs, LatencyMs uncorrectedLatencyMs, GeneratorHealth generator) {
        return new LoadSummary(
                requests,
                round(durationS, 1000),
                durationS == 0 ? 0 : round(responses / durationS, 10),
                requests == 0 ? 0 : round(100.0 * errors.total() / requests, 1000),
                errors,
                connections,
                latencyMs,
                uncorrectedLatencyMs,
                generator);
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
