package dev.loupe.engine.telemetry;

/** A least-squares line through points added one at a time, in constant memory. Not thread-safe. */
final class SlopeFit {
    /** Fewer points than this give no slope: two collections are not a trend. */
    static final int MIN_POINTS = 3;

    private long n;
    private double sumX;
    private double sumY;
    private double sumXx;
    private double sumXy;

    void add(double x, double y) {
        n++;
        sumX += x;
        sumY += y;
        sumXx += x * x;
        sumXy += x * y;
    }

    /** The slope (y per unit of x), rounded to 0.001; null with too few points or no spread in x. */
    Double slope() {
        if (n < MIN_POINTS) {
            return null;
        }
        double denominator = n * sumXx - sumX * sumX;
        if (Math.abs(denominator) < 1e-12) {
            return null;
        }
        return Math.round((n * sumXy - sumX * sumY) / denominator * 1000) / 1000.0;
    }
}
