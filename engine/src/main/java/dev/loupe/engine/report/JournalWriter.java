package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import org.HdrHistogram.Histogram;

/**
 * Writes {@code journal.jsonl} while a run goes: JSON Lines, one object per line, each with a
 * {@code type}.
 * <ul>
 *   <li>{@code start}, first: {@code schemaVersion}, {@code startedAt}, {@code serverUrl},
 *       {@code environment}, {@code scenario} (resolved) — see {@link JournalHeader};</li>
 *   <li>{@code interval}, one per second of the run, warm-up included: the fields of
 *       {@code result.json}'s {@code intervals[]} entry, plus {@code latencyHistogram} and
 *       {@code uncorrectedLatencyHistogram} (HdrHistogram compressed Base64, nanoseconds, as in
 *       {@code .hlog} lines) when given and not empty;</li>
 *   <li>{@code telemetry}, one per second of the JVM's side when telemetry is on, about a second
 *       after the interval of the same span: the fields of an interval's {@code telemetry} object;</li>
 *   <li>{@code end}, last, when the run ends in order: {@code outcome}.</li>
 * </ul>
 * A line per second (not per 250 ms snapshot) because a second is what {@code result.json} and a
 * rebuild need and what the contract promises: every line is written, flushed and forced to disk
 * before {@link #append} returns, so a crash loses at most the second being measured, at the cost of
 * one small synchronous write per second. No end line means the run crashed.
 *
 * <p>The journal streams to its final file (it must survive a crash half-way), so unlike the other
 * reports it does not go through {@link dev.loupe.engine.io.AtomicFiles}; {@link JournalReader}
 * copes with an incomplete last line. One thread appends (the run's collector or its own writer
 * thread); the methods are synchronized so that closing from another thread is safe.
 */
public final class JournalWriter implements Closeable {
    /** The file's name in a run folder. */
    public static final String FILE_NAME = "journal.jsonl";
    /** The journal's format version, in the start line. */
    public static final int SCHEMA_VERSION = 1;

    private final FileChannel channel;
    private final String fileName;
    private final Histogram scratch = LatencyRange.newHistogram();
    private boolean closed;

    private JournalWriter(FileChannel channel, String fileName) {
        this.channel = channel;
        this.fileName = fileName;
    }

    /** Creates {@code file} (replacing any) and writes the start line. */
    public static JournalWriter open(Path file, JournalHeader header) throws IOException {
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        JournalWriter journal = new JournalWriter(channel, file.getFileName().toString());
        try {
            ObjectNode line = JsonSupport.object();
            line.put("type", "start");
            line.put("schemaVersion", SCHEMA_VERSION);
            line.put("startedAt", DateTimeFormatter.ISO_INSTANT.format(header.startedAt()));
            line.put("serverUrl", header.serverUrl());
            line.set("environment", JsonSupport.tree(header.environment()));
            line.set("scenario", JsonSupport.scenario(header.scenario(), file.toAbsolutePath().getParent()));
            journal.write(line);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return journal;
    }

    /** Appends an interval without histograms. */
    public void append(SecondInterval interval) throws IOException {
        append(interval, LatencyHistogram.empty(), LatencyHistogram.empty());
    }

    /**
     * Appends one interval with its latency histograms (nanoseconds; either may be empty), and
     * forces it to disk.
     */
    public synchronized void append(SecondInterval interval, LatencyHistogram latency, LatencyHistogram uncorrectedLatency)
            throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "interval");
        line.setAll(JsonSupport.tree(interval));
        if (line.path("telemetry").isNull()) {
            line.remove("telemetry"); // the JVM's side has its own lines, a second later
        }
        if (latency.count() > 0) {
            line.put("latencyHistogram", HistogramText.encode(latency, scratch));
        }
        if (uncorrectedLatency.count() > 0) {
            line.put("uncorrectedLatencyHistogram", HistogramText.encode(uncorrectedLatency, scratch));
        }
        write(line);
    }

    /** Appends one second of what the JVM did (it trails the load's intervals by about a second). */
    public synchronized void append(TelemetrySecond second) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "telemetry");
        line.setAll(JsonSupport.tree(second));
        write(line);
    }

    /** Appends one entry, e.g. when copying a journal. */
    public void append(JournalEntry entry) throws IOException {
        append(entry.interval(), entry.latency(), entry.uncorrectedLatency());
    }

    /** Writes the end line: the run ended in order, with {@code outcome}. */
    public synchronized void finish(RunOutcome outcome) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "end");
        line.put("outcome", JsonSupport.outcome(outcome));
        write(line);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    private void write(ObjectNode line) throws IOException {
        if (closed) {
            throw new IllegalStateException(fileName + " is closed");
        }
        ByteBuffer bytes = ByteBuffer.wrap((JsonSupport.compact(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }
}
