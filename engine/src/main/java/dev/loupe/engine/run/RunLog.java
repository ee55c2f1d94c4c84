package dev.loupe.engine.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;

/**
 * The run folder's {@code run.log}: what happened, one timestamped line at a time, flushed as it is
 * written so a crash keeps everything before it; internal errors with their stack trace. Thread-safe.
 */
public final class RunLog implements Closeable {
    private final Writer out;
    private final InstantSource clock;

    private RunLog(Writer out, InstantSource clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Appends to {@code file}, creating it. */
    public static RunLog appendingTo(Path file, InstantSource clock) throws IOException {
        return new RunLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), clock);
    }

    /** One line. */
    public synchronized void info(String message) {
        write("INFO ", message);
    }

    /** A problem the run survived. */
    public synchronized void warn(String message) {
        write("WARN ", message);
    }

    /** An internal error, with its stack trace. */
    public synchronized void error(String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        write("ERROR", message + System.lineSeparator() + trace);
    }

    private void write(String level, String message) {
        try {
            out.write(clock.instant() + " " + level + " " + message + System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            // the log is a record, not a dependency: a full disk must not end the run
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
