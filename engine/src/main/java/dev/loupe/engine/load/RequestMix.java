package dev.loupe.engine.load;

import java.util.List;

/**
 * Which request of a weighted mix request n sends: a pure function of the seed and n, so the choice
 * does not depend on which thread or connection sends it. Allocation-free.
 */
final class RequestMix {
    private final long seed;
    private final long[] cumulativeWeights;
    private final long totalWeight;

    RequestMix(List<RequestSpec> requests, long seed) {
        this.seed = seed;
        this.cumulativeWeights = new long[requests.size()];
        long sum = 0;
        for (int i = 0; i < requests.size(); i++) {
            sum += requests.get(i).weight();
            cumulativeWeights[i] = sum;
        }
        this.totalWeight = sum;
    }

    /** The index of the request that request {@code n} sends. */
    int pick(long n) {
        if (cumulativeWeights.length == 1) {
            return 0;
        }
        long r = (long) (Mix.unit(seed, n) * totalWeight);
        int lo = 0;
        int hi = cumulativeWeights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r < cumulativeWeights[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
