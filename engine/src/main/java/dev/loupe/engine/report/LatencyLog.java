package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.series.SecondInterval;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: the run's corrected latency (from each request's intended start) as an
 * HdrHistogram interval log, one histogram per interval, which {@code HistogramLogReader},
 * {@code HistogramLogProcessor} and HistogramLogAnalyzer read. <b>Values are nanoseconds</b> (as
 * Loupe records them, so nothing is lost converting); the {@code Interval_Max} column is in
 * milliseconds, the tools' default reading of nanosecond logs. Interval timestamps are seconds since
 * the run's start ({@code BaseTime} is the start); warm-up intervals are included and the log's
 * comment says where the warm-up ends.
 *
 * <p>While a run goes, {@link #open} and {@link #append} stream the log straight to its file, one
 * line per interval, flushed as it is written: a crashed run keeps every complete line, and
 * {@code loupe report} can write a clean copy from the journal with {@link #write}. Afterwards, a
 * log is written whole and atomically: {@link #write} from journal entries, or
 * {@link #writeWholeRun} as one histogram of the measured part.
 *
 * <p>One thread appends (the run's collector); the methods are synchronized so that closing from
 * another thread is safe.
 */
public final class LatencyLog implements Closeable {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "latency.hlog";

    /** The divisor from a value (ns) to the {@code Interval_Max} column (ms). */
    static final double MAX_COLUMN_NS_PER_MS = 1_000_000.0;

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final Histogram scratch = LatencyRange.newHistogram();
    private final String fileName;
    private boolean closed;

    private LatencyLog(PrintStream out, String fileName) {
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        this.fileName = fileName;
    }

    /**
     * Starts a log at {@code file} (replacing any) and writes its header.
     *
     * @param startedAt the run's start: the log's {@code StartTime} and {@code BaseTime}
     * @param warmup how long the warm-up lasts, named in the header
     */
    public static LatencyLog open(Path file, Instant startedAt, Duration warmup) throws IOException {
        PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)),
                false, StandardCharsets.UTF_8);
        LatencyLog log = new LatencyLog(out, file.getFileName().toString());
        try {
            header(log.writer, startedAt, "One histogram per interval of the run; " + warmupNote(warmup));
            log.flush();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return log;
    }

    /** Appends one interval's corrected latency and flushes; {@code latencyNs} may be empty. */
    public void append(SecondInterval interval, LatencyHistogram latencyNs) throws IOException {
        append(interval.startMs(), interval.endMs(), latencyNs);
    }

    /**
     * Appends one interval's corrected latency and flushes.
     *
     * @param startMs the interval's start, ms since the run's start
     * @param endMs its end
     * @param latencyNs the interval's corrected latencies (nanoseconds); may be empty
     */
    public synchronized void append(long startMs, long endMs, LatencyHistogram latencyNs) throws IOException {
        if (closed) {
            throw new IllegalStateException(fileName + " is closed");
        }
        interval(writer, scratch, startMs, endMs, latencyNs);
        flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
            if (out.checkError()) {
                throw new IOException("closing " + fileName + " failed (disk full or removed?)");
            }
        }
    }

    private void flush() throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("writing " + fileName + " failed (disk full or removed?)");
        }
    }

    /**
     * Writes a log of {@code entries}' corrected histograms, e.g. rebuilt from a journal, replacing
     * {@code file} atomically.
     */
    public static void write(Path file, Instant startedAt, Duration warmup, List<JournalEntry> entries) throws IOException {
        AtomicFiles.write(file, stream -> {
            PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);
            HistogramLogWriter w = new HistogramLogWriter(out);
            header(w, startedAt, "One histogram per interval of the run; " + warmupNote(warmup));
            Histogram scratch = LatencyRange.newHistogram();
            for (JournalEntry e : entries) {
                interval(w, scratch, e.interval().startMs(), e.interval().endMs(), e.latency());
            }
            finish(out, file);
        });
    }

    /**
     * Writes a log with one histogram: the measured part's corrected latency ({@link RunResult#latency()},
     * what {@code summary.latencyMs} was computed from), spanning the measured intervals; for
     * {@code loupe report} rebuilds when no per-interval histograms are at hand.
     */
    public static void writeWholeRun(Path file, RunResult result) throws IOException {
        List<SecondInterval> measured = result.intervals().stream().filter(i -> !i.warmup()).toList();
        long warmupMs = result.scenario().load().warmup().toMillis();
        long startMs = measured.isEmpty() ? warmupMs : measured.getFirst().startMs();
        long endMs = measured.isEmpty()
                ? startMs + Math.round(result.summary().durationS() * 1000) : measured.getLast().endMs();
        AtomicFiles.write(file, stream -> {
            PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);
            HistogramLogWriter w = new HistogramLogWriter(out);
            header(w, result.startedAt(), "One histogram: the measured part of the run (warm-up left out),"
                    + " the latencies result.json's summary.latencyMs describes");
            interval(w, LatencyRange.newHistogram(), startMs, endMs, result.latency());
            finish(out, file);
        });
    }

    private static void header(HistogramLogWriter w, Instant startedAt, String contents) {
        w.outputComment("Loupe latency log: corrected latency (from each request's intended start);"
                + " values in nanoseconds, the Interval_Max column in milliseconds");
        w.outputComment(contents);
        w.outputLogFormatVersion();
        // Written by hand rather than by outputStartTime, whose date is in the machine's time zone.
        w.outputComment(String.format(Locale.ROOT, "[StartTime: %.3f (seconds since epoch), %s]",
                startedAt.toEpochMilli() / 1000.0, startedAt));
        w.outputBaseTime(startedAt.toEpochMilli());
        w.outputLegend();
    }

    private static String warmupNote(Duration warmup) {
        return warmup.isZero() ? "no warm-up"
                : String.format(Locale.ROOT, "intervals before %.3f s are warm-up, which result.json's summary leaves out",
                        warmup.toMillis() / 1000.0);
    }

    private static void interval(HistogramLogWriter w, Histogram scratch, long startMs, long endMs,
            LatencyHistogram latencyNs) {
        scratch.reset();
        latencyNs.addTo(scratch);
        w.outputIntervalHistogram(startMs / 1000.0, endMs / 1000.0, scratch, MAX_COLUMN_NS_PER_MS);
    }

    private static void finish(PrintStream out, Path file) throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("writing " + file.getFileName() + " failed");
        }
    }
}
