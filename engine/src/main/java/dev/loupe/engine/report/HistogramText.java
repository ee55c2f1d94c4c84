package dev.loupe.engine.report;

import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram as text: HdrHistogram's compressed encoding in Base64, the same encoding an
 * {@code .hlog} line carries (values in nanoseconds, {@link LatencyRange}).
 */
final class HistogramText {
    private HistogramText() {}

    static String encode(LatencyHistogram histogramNs, Histogram scratch) {
        scratch.reset();
        histogramNs.addTo(scratch);
        ByteBuffer buffer = ByteBuffer.allocate(scratch.getNeededByteBufferCapacity());
        int length = scratch.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** @throws IllegalArgumentException when {@code text} is not such an encoding */
    static LatencyHistogram decode(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), LatencyRange.HIGHEST_NS);
            if (h.getLowestDiscernibleValue() != LatencyRange.LOWEST_NS
                    || h.getNumberOfSignificantValueDigits() != LatencyRange.SIGNIFICANT_DIGITS) {
                Histogram inRange = LatencyRange.newHistogram();
                inRange.add(h);
                h = inRange;
            }
            return LatencyHistogram.copyOf(h);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram (" + e.getMessage() + ")", e);
        }
    }
}
