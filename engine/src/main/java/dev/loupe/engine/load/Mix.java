package dev.loupe.engine.load;

/** SplitMix64's finalizer: a fast, well-mixed hash of a long, for deterministic per-request choices. */
final class Mix {
    private Mix() {}

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) from {@code seed} and {@code n}. */
    static double unit(long seed, long n) {
        return (mix64(seed + n * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }
}
