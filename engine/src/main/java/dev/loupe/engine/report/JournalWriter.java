package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LatencyRange;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Writes {@code journal.jsonl} while a run goes: JSON Lines, one object per line, each with a
 * {@code type}.
 * <ul>
 *   <li>{@code start}, first: {@code schemaVersion}, {@code startedAt}, {@code serverUrl},
 *       {@code environment}, {@code scenario} (resolved) — see {@link JournalHeader};</li>
 *   <li>{@code interval}, one per second of the run, warm-up included: the fields of
 *       {@code result.json}'s {@code intervals[]} entry, plus {@code responses}, {@code errorsByClass}
 *       and {@code connectionEvents} (when not all zero, as in {@code summary.errors} and
 *       {@code summary.connections}), {@code scheduleLagMs} (when not 0), {@code latencyHistogram} and
 *       {@code uncorrectedLatencyHistogram} (HdrHistogram compressed Base64, nanoseconds, as in
 *       {@code .hlog} lines) when given and not empty;</li>
 *   <li>{@code telemetry}, one per second of the JVM's side when telemetry is on, about a second
 *       after the interval of the same span: the fields of an interval's {@code telemetry} object;</li>
 *   <li>{@code stacks}, after the telemetry line of a second that sampled stacks: the server's
 *       execution samples ({@code cpu}) and allocation bytes ({@code alloc}) as {@code [stack, weight]}
 *       pairs, how many allocation samples those bytes are ({@code allocSamples}), and the samples of other threads by role ({@code leftOut}). Stacks and frames are numbers
 *       given where first used: {@code newFrames} are the frame names numbered on from {@code
 *       firstFrame}, {@code newStacks} the stacks (frame numbers, root first) numbered on from {@code
 *       firstStack}; about 100 bytes a second once a server's stacks repeat;</li>
 *   <li>{@code checkpoint}, every few seconds: {@code telemetry}, the JVM side's summary of the
 *       measured part so far (evidence included), for a rebuild after a crash;</li>
 *   <li>{@code end}, last, when the run ends in order: {@code outcome} and, from a finished run, its
 *       {@code summary}, {@code telemetry}, {@code notes}, {@code findings} and the {@code
 *       extraThresholds} it was judged by, so that a rebuild writes the same {@code result.json}.</li>
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
    public static final int SCHEMA_VERSION = 2;
    /** The most distinct stacks the journal numbers; later new stacks count under {@link #UNNUMBERED_STACK}. */
    static final int MAX_STACKS = 50_000;
    /** The most distinct frames the journal numbers; a new stack with new frames past it counts as {@link #UNNUMBERED_STACK}. */
    static final int MAX_FRAMES = 200_000;
    /** The one-frame stack for samples past {@link #MAX_STACKS} or {@link #MAX_FRAMES}. */
    static final String UNNUMBERED_STACK = "[more distinct stacks than the journal keeps]";

    private final FileChannel channel;
    private final String fileName;
    private final Histogram scratch = LatencyRange.newHistogram();
    private final Map<String, Integer> frameIds = new HashMap<>();
    private final Map<String, Integer> stackIds = new HashMap<>();
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
        append(new JournalEntry(interval, LatencyHistogram.empty(), LatencyHistogram.empty()));
    }

    /**
     * Appends one interval with what the journal keeps of it besides (histograms in nanoseconds,
     * either may be empty), and forces it to disk.
     */
    public synchronized void append(SecondInterval interval, SecondDetail detail) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "interval");
        line.setAll(JsonSupport.tree(interval));
        if (line.path("telemetry").isNull()) {
            line.remove("telemetry"); // the JVM's side has its own lines, a second later
        }
        line.put("responses", detail.responses());
        if (detail.errors().total() > 0) {
            line.set("errorsByClass", JsonSupport.tree(detail.errors()));
        }
        if (!detail.connections().equals(ConnectionCounts.NONE)) {
            line.set("connectionEvents", JsonSupport.tree(detail.connections()));
        }
        if (detail.scheduleLagMs() > 0) {
            line.put("scheduleLagMs", detail.scheduleLagMs());
        }
        if (detail.latency().count() > 0) {
            line.put("latencyHistogram", HistogramText.encode(detail.latency(), scratch));
        }
        if (detail.uncorrectedLatency().count() > 0) {
            line.put("uncorrectedLatencyHistogram", HistogramText.encode(detail.uncorrectedLatency(), scratch));
        }
        write(line);
    }

    /** Appends one second's sampled stacks, numbering the stacks and frames it meets for the first time. */
    public synchronized void append(StackSecond stacks) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "stacks");
        line.put("startMs", stacks.startMs());
        line.put("endMs", stacks.endMs());
        int firstFrame = frameIds.size();
        int firstStack = stackIds.size();
        ArrayNode newFrames = JsonSupport.MAPPER.createArrayNode();
        ArrayNode newStacks = JsonSupport.MAPPER.createArrayNode();
        ArrayNode cpu = weights(stacks.cpuSamples(), newFrames, newStacks);
        ArrayNode alloc = weights(stacks.allocationBytes(), newFrames, newStacks);
        if (!newFrames.isEmpty()) {
            line.put("firstFrame", firstFrame);
            line.set("newFrames", newFrames);
        }
        if (!newStacks.isEmpty()) {
            line.put("firstStack", firstStack);
            line.set("newStacks", newStacks);
        }
        line.set("cpu", cpu);
        line.set("alloc", alloc);
        line.put("allocSamples", stacks.allocationSamples());
        ObjectNode leftOut = line.putObject("leftOut");
        new TreeMap<>(stacks.leftOut()).forEach((role, count) -> leftOut.put(role.name(), count));
        write(line);
    }

    /** {@code [stack, weight]} pairs, heaviest first, numbering new stacks into {@code newStacks}. */
    private ArrayNode weights(Map<String, Long> byStack, ArrayNode newFrames, ArrayNode newStacks) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byStack.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        ArrayNode pairs = JsonSupport.MAPPER.createArrayNode();
        for (Map.Entry<String, Long> e : sorted) {
            pairs.addArray().add(stackId(e.getKey(), newFrames, newStacks)).add(e.getValue());
        }
        return pairs;
    }

    private int stackId(String collapsed, ArrayNode newFrames, ArrayNode newStacks) {
        Integer id = stackIds.get(collapsed);
        if (id != null) {
            return id;
        }
        if ((stackIds.size() >= MAX_STACKS || frameIds.size() >= MAX_FRAMES) && !collapsed.equals(UNNUMBERED_STACK)) {
            return stackId(UNNUMBERED_STACK, newFrames, newStacks);
        }
        ArrayNode frames = newStacks.addArray();
        for (String frame : collapsed.split(";")) {
            Integer frameId = frameIds.get(frame);
            if (frameId == null) {
                frameId = frameIds.size();
                frameIds.put(frame, frameId);
                newFrames.add(frame);
            }
            frames.add(frameId);
        }
        id = stackIds.size();
        stackIds.put(collapsed, id);
        return id;
    }

    /** Appends the JVM side's summary of the measured part so far. */
    public synchronized void checkpoint(TelemetrySummary soFar) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "checkpoint");
        line.set("telemetry", JsonSupport.tree(soFar));
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
        append(entry.interval(), entry.detail());
    }

    /** Writes an end line with the outcome only: a rebuild then recomputes the summary from the seconds. */
    public synchronized void finish(RunOutcome outcome) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "end");
        line.put("outcome", JsonSupport.outcome(outcome));
        write(line);
    }

    /**
     * Writes the end line of a finished run: its outcome and everything of {@code result.json} that
     * the seconds alone do not give.
     *
     * @param extraThresholds the thresholds from the command line it is judged by, after the scenario's
     */
    public synchronized void finish(RunResult result, List<Threshold> extraThresholds) throws IOException {
        ObjectNode line = JsonSupport.object();
        line.put("type", "end");
        line.put("outcome", JsonSupport.outcome(result.outcome()));
        line.set("summary", JsonSupport.tree(result.summary()));
        if (result.telemetry() == null) {
            line.putNull("telemetry");
        } else {
            line.set("telemetry", JsonSupport.tree(result.telemetry()));
        }
        ArrayNode notes = line.putArray("notes");
        result.notes().forEach(notes::add);
        ArrayNode findings = line.putArray("findings");
        for (Finding f : result.findings()) {
            findings.add(JsonSupport.finding(f));
        }
        ArrayNode thresholds = line.putArray("extraThresholds");
        extraThresholds.forEach(t -> thresholds.add(t.toString()));
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
