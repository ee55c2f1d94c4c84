package dev.loupe.engine.telemetry;

import java.util.List;
import java.util.Locale;

/**
 * Who a thread works for, told from its name, so that samples, parks and monitor waits are split
 * between the server under test and Loupe itself (everything runs in one JVM).
 */
public enum ThreadRole {
    /** A thread of the server under test: loop, worker, connection, acceptor, its probe threads. */
    SERVER,
    /** The load generator's I/O and collector threads. */
    GENERATOR,
    /** Loupe's telemetry: delay probes, hiccup probe, runtime sampler, JFR consumer. */
    TELEMETRY,
    /** The dashboard: the JavaFX application and render threads, and Loupe's own ({@code loupe-ui-…}, the chart painter). */
    UI,
    /** Loupe's other threads: the session that drives a run, the run folder's writer, the signal watcher. */
    RUNNER,
    /** The JVM's own threads: GC, compiler, JFR recorder, reference handling. */
    JVM,
    /** Anything else (the main thread, a library's pool). */
    OTHER;

    /** The prefix of every Loupe telemetry thread's name. */
    public static final String TELEMETRY_PREFIX = "loupe-telemetry-";

    private static final List<String> SERVER_NAMES = List.of("loupe-server-", "HTTP-Dispatcher");
    private static final List<String> UI_NAMES = List.of("loupe-ui-", "JavaFX Application Thread", "QuantumRenderer",
            "InvokeLaterDispatcher", "Prism", "JavaFX-Launcher", "Monocle");
    private static final List<String> JVM_NAMES = List.of("GC Thread", "G1 ", "VM ", "C1 CompilerThread",
            "C2 CompilerThread", "JFR ", "Service Thread", "Common-Cleaner", "Reference Handler", "Finalizer",
            "Signal Dispatcher", "Notification Thread", "Attach Listener", "Monitor Deflation Thread",
            "Sweeper thread", "ZDirector", "ZDriver", "ZWorker", "Shenandoah", "Thread-JFR");

    /** The role of a thread called {@code name} (null or empty: {@link #OTHER}). */
    public static ThreadRole of(String name) {
        if (name == null || name.isEmpty()) {
            return OTHER;
        }
        if (startsWithAny(name, SERVER_NAMES)) {
            return SERVER;
        }
        if (name.startsWith("loupe-load-")) {
            return GENERATOR;
        }
        if (name.startsWith(TELEMETRY_PREFIX)) {
            return TELEMETRY;
        }
        if (startsWithAny(name, UI_NAMES)) {
            return UI;
        }
        if (name.startsWith("loupe-")) {
            return RUNNER;
        }
        if (startsWithAny(name, JVM_NAMES)) {
            return JVM;
        }
        return OTHER;
    }

    /** The role's name as reports write it: {@code server}, {@code generator}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
