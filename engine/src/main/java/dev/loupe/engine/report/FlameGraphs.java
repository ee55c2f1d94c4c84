package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.telemetry.ThreadRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import one.convert.Arguments;
import one.convert.CallStack;
import one.convert.FlameGraph;
import one.convert.Frame;

/**
 * The flame graphs of a run, from its {@code recording.jfr}: {@code flame.collapsed} and
 * {@code flame.html} of the server's CPU samples ({@code jdk.ExecutionSample}), {@code alloc.collapsed}
 * and {@code alloc.html} of its allocation samples ({@code jdk.ObjectAllocationSample}, each weighted
 * by the bytes it stands for). The frame tree and both file formats are async-profiler's converter's
 * ({@code tools.profiler:jfr-converter}): a collapsed line is {@code frame;frame;frame count}, root
 * first; the HTML is one self-contained page. Samples of Loupe's own threads (the load generator,
 * the telemetry, the dashboard, the run folder's writer) and of the JVM's are left out and counted.
 */
public final class FlameGraphs {
    public static final String CPU_COLLAPSED = "flame.collapsed";
    public static final String CPU_HTML = "flame.html";
    public static final String ALLOC_COLLAPSED = "alloc.collapsed";
    public static final String ALLOC_HTML = "alloc.html";

    /**
     * What went into the graphs.
     *
     * @param cpuSamples the server's execution samples drawn
     * @param allocationSamples the server's allocation samples drawn
     * @param allocationBytes the allocation they stand for
     * @param leftOut samples of other threads, by whose threads they were
     * @param cpuStacks the CPU graph's lines as {@code flame.collapsed} holds them, for the reports' flame graph
     */
    public record Counts(long cpuSamples, long allocationSamples, long allocationBytes, Map<ThreadRole, Long> leftOut,
            List<String> cpuStacks) {
        public Counts {
            leftOut = Map.copyOf(leftOut);
            cpuStacks = List.copyOf(cpuStacks);
        }

        /** Samples left out, all roles. */
        public long leftOutTotal() {
            return leftOut.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The four files' names, in the order {@link #write} writes them. */
    public static List<String> files() {
        return List.of(CPU_COLLAPSED, CPU_HTML, ALLOC_COLLAPSED, ALLOC_HTML);
    }

    private FlameGraphs() {}

    /**
     * Reads {@code recording} and writes the four files into {@code folder}, each atomically.
     *
     * @param title the run's name, in the HTML pages' titles
     * @throws IOException when the recording cannot be read (missing, not JFR) or a file not written
     */
    public static Counts write(Path recording, Path folder, String title) throws IOException {
        Arguments cpuArgs = arguments(title + ": server CPU samples");
        Arguments allocArgs = arguments(title + ": server allocation (bytes)");
        FlameGraph cpu = new FlameGraph(cpuArgs);
        FlameGraph alloc = new FlameGraph(allocArgs);
        long cpuSamples = 0;
        long allocSamples = 0;
        long allocBytes = 0;
        Map<ThreadRole, Long> leftOut = new EnumMap<>(ThreadRole.class);
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                boolean sample = type.equals("jdk.ExecutionSample");
                if (!sample && !type.equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                ThreadRole role = role(sample ? e.getThread("sampledThread") : e.getThread());
                if (role != ThreadRole.SERVER && role != ThreadRole.OTHER) {
                    leftOut.merge(role, 1L, Long::sum);
                    continue;
                }
                CallStack stack = stack(e.getStackTrace());
                if (stack == null) {
                    continue;
                }
                if (sample) {
                    cpu.addSample(stack, 1);
                    cpuSamples++;
                } else {
                    long weight = Math.max(0, e.getLong("weight"));
                    alloc.addSample(stack, weight);
                    allocSamples++;
                    allocBytes += weight;
                }
            }
        }
        String cpuLines = dump(cpu, cpuArgs, folder.resolve(CPU_COLLAPSED), true);
        dump(cpu, cpuArgs, folder.resolve(CPU_HTML), false);
        dump(alloc, allocArgs, folder.resolve(ALLOC_COLLAPSED), true);
        dump(alloc, allocArgs, folder.resolve(ALLOC_HTML), false);
        return new Counts(cpuSamples, allocSamples, allocBytes, leftOut, cpuLines.lines().toList());
    }

    /**
     * Writes the four files from a journal's stacks instead of a recording: what a run that lost its
     * {@code recording.jfr} (killed before JFR could write it) still has. The converter reads them as
     * collapsed lines, so both graphs look like the recording's would.
     */
    public static Counts write(JournalStacks stacks, Path folder, String title) throws IOException {
        Arguments cpuArgs = arguments(title + ": server CPU samples (from the journal)");
        Arguments allocArgs = arguments(title + ": server allocation (bytes, from the journal)");
        FlameGraph cpu = new FlameGraph(cpuArgs);
        FlameGraph alloc = new FlameGraph(allocArgs);
        cpu.parseCollapsed(new StringReader(collapsed(stacks.cpuSamples())));
        alloc.parseCollapsed(new StringReader(collapsed(stacks.allocationBytes())));
        String cpuLines = dump(cpu, cpuArgs, folder.resolve(CPU_COLLAPSED), true);
        dump(cpu, cpuArgs, folder.resolve(CPU_HTML), false);
        dump(alloc, allocArgs, folder.resolve(ALLOC_COLLAPSED), true);
        dump(alloc, allocArgs, folder.resolve(ALLOC_HTML), false);
        long allocBytes = stacks.allocationBytes().values().stream().mapToLong(Long::longValue).sum();
        return new Counts(stacks.cpuTotal(), stacks.allocationSamples(), allocBytes, stacks.leftOut(),
                cpuLines.lines().toList());
    }

    /** {@code frame;frame count} lines. */
    private static String collapsed(Map<String, Long> byStack) {
        StringBuilder lines = new StringBuilder();
        byStack.forEach((stack, weight) -> lines.append(stack).append(' ').append(weight).append('\n'));
        return lines.toString();
    }

    private static Arguments arguments(String title) {
        Arguments args = new Arguments();
        args.title = title;
        return args;
    }

    /** Threads the server runs on are named by it; unnamed ones (virtual threads) are not Loupe's and count as its. */
    private static ThreadRole role(RecordedThread t) {
        if (t == null) {
            return ThreadRole.OTHER;
        }
        String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        return ThreadRole.of(name);
    }

    /** JFR's frames, top first, as the converter's stack, root first; null for an event without one. */
    private static CallStack stack(RecordedStackTrace trace) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return null;
        }
        List<RecordedFrame> frames = trace.getFrames();
        CallStack stack = new CallStack();
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame f = frames.get(i);
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            stack.push(name, switch (f.getType()) {
                case "Interpreted" -> Frame.TYPE_INTERPRETED;
                case "Inlined" -> Frame.TYPE_INLINED;
                case "Native" -> Frame.TYPE_NATIVE;
                default -> Frame.TYPE_JIT_COMPILED;
            });
        }
        return stack;
    }

    /**
     * {@code graph} into {@code file}, atomically; the converter picks the format by its arguments'
     * output: "collapsed" for lines, anything else for HTML.
     *
     * @return what was written
     */
    private static String dump(FlameGraph graph, Arguments args, Path file, boolean collapsed) throws IOException {
        args.output = collapsed ? "collapsed" : file.getFileName().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        graph.dump(print);
        print.flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        AtomicFiles.writeString(file, text);
        return text;
    }
}
