package dev.loupe.engine.report;

import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.run.RunStarted;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes one run folder: {@code journal.jsonl} and {@code latency.hlog} second by second while the
 * run goes (the run itself writes {@code recording.jfr} at {@link #recordingFile()}) (on a thread of their own, so disk writes never hold up the measurement), then
 * {@code result.json}, {@code SUMMARY.md} and, if asked, JUnit XML at the end. A write that fails
 * mid-run is logged to {@code run.log} and the run carries on; the final files are still written.
 */
public final class RunFolder {
    /** The JFR recording's name in a run folder (the run writes it; see {@link #recordingFile()}). */
    public static final String RECORDING_FILE_NAME = "recording.jfr";

    private final Path folder;
    private final RunLog log;
    private final ExecutorService writer;
    private JournalWriter journal;
    private LatencyLog latencyLog;
    private boolean writeFailed;

    /** What {@link #finish} wrote. */
    public record Written(List<ThresholdResult> thresholds, List<String> files) {
        public Written {
            thresholds = List.copyOf(thresholds);
            files = List.copyOf(files);
        }

        /** How many thresholds failed. */
        public long failedThresholds() {
            return thresholds.stream().filter(t -> !t.passed()).count();
        }
    }

    public RunFolder(Path folder, RunLog log) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.log = Objects.requireNonNull(log, "log");
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loupe-run-folder-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** How a run folder's default name begins: the local date and time the run started. */
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * The default run folder of a scenario: {@code runs/<date>-<time>-<name>} below {@code base}, the
     * name reduced to letters, digits, dots, dashes and underscores.
     */
    public static Path defaultPath(Path base, Instant startedAt, ZoneId zone, String scenarioName) {
        return base.resolve("runs").resolve(LocalDateTime.ofInstant(startedAt, zone).format(FOLDER_TIME) + "-"
                + scenarioName.replaceAll("[^A-Za-z0-9._-]+", "-"));
    }

    /**
     * Creates {@code folder} (and its parents) if needed and checks that it can be written, so that a
     * bad path fails before the first request.
     *
     * @throws IOException saying why it cannot be used
     */
    public static Path prepare(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " is a file (expected: a folder, or a path that does not exist yet)");
        }
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) {
            throw new IOException("the run folder " + folder + " is not writable");
        }
        for (String name : outputs()) {
            Path file = folder.resolve(name);
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a folder where the run writes a file; move it away or choose another folder");
            }
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new IOException(file + " exists and cannot be replaced (no write permission)");
            }
        }
        return folder;
    }

    /** Every file a run folder gets, so {@link #prepare} can refuse a folder where one of them cannot be written. */
    public static List<String> outputs() {
        List<String> names = new ArrayList<>();
        ReportFormat.runFolder().forEach(f -> names.add(f.fileName()));
        names.addAll(FlameGraphs.files());
        names.addAll(List.of(PdfReport.FILE_NAME, HtmlReport.FILE_NAME, LatencyLog.FILE_NAME, JournalWriter.FILE_NAME,
                RECORDING_FILE_NAME, "run.log"));
        return names;
    }

    /** Where the run should write its JFR recording: {@code recording.jfr} in this folder. */
    public Path recordingFile() {
        return folder.resolve(RECORDING_FILE_NAME);
    }

    /** The listener that streams the journal and the latency log; add it to the run's listeners. */
    public RunListener listener() {
        return new RunListener() {
            @Override
            public void onStarted(RunStarted started) {
                writer.execute(() -> open(started));
            }

            @Override
            public void onSecond(SecondInterval second, SecondDetail detail) {
                writer.execute(() -> append(second, detail));
            }

            @Override
            public void onTelemetry(TelemetrySecond second) {
                writer.execute(() -> journal(j -> j.append(second)));
            }

            @Override
            public void onStacks(StackSecond stacks) {
                writer.execute(() -> journal(j -> j.append(stacks)));
            }

            @Override
            public void onTelemetryCheckpoint(TelemetrySummary soFar) {
                writer.execute(() -> journal(j -> j.checkpoint(soFar)));
            }
        };
    }

    /**
     * Closes the streamed files and writes the final ones.
     *
     * @param extraThresholds thresholds from the command line, judged after the scenario's own
     * @param junit where to write JUnit XML, if anywhere
     */
    public Written finish(RunResult result, List<Threshold> extraThresholds, Optional<Path> junit)
            throws IOException, InterruptedException {
        writer.execute(() -> close(result, extraThresholds));
        writer.shutdown();
        if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("the journal writer did not finish within 30 s");
        }
        RunReport report = RunReport.of(result, extraThresholds);
        ReportFormat.writeAll(folder, report);
        List<String> files = new ArrayList<>();
        for (ReportFormat format : ReportFormat.runFolder()) {
            files.add(format.fileName());
        }
        files.addAll(Documents.write(folder, report, JournalStacks.NONE, log));
        if (!writeFailed) {
            files.add(LatencyLog.FILE_NAME);
            files.add(JournalWriter.FILE_NAME);
        }
        if (Files.isRegularFile(folder.resolve(RECORDING_FILE_NAME))) {
            files.add(RECORDING_FILE_NAME);
        }
        for (String note : result.notes()) {
            log.warn(note);
        }
        files.add("run.log");
        if (junit.isPresent()) {
            ReportFormat.junitXml().write(junit.get(), report);
        }
        log.info("wrote " + String.join(", ", files) + junit.map(j -> " and " + j).orElse(""));
        return new Written(report.thresholds(), files);
    }

    private void open(RunStarted started) {
        try {
            journal = JournalWriter.open(folder.resolve(JournalWriter.FILE_NAME),
                    new JournalHeader(started.scenario(), dev.loupe.engine.run.Environment.current(),
                            started.startedAt(), started.serverUrl()));
            latencyLog = LatencyLog.open(folder.resolve(LatencyLog.FILE_NAME), started.startedAt(),
                    started.scenario().load().warmup());
        } catch (IOException | RuntimeException e) {
            failed("cannot open the journal or the latency log", e);
        }
    }

    private void append(SecondInterval second, SecondDetail detail) {
        if (writeFailed || journal == null) {
            return;
        }
        try {
            journal.append(second, detail);
            latencyLog.append(second, detail.latency());
        } catch (IOException | RuntimeException e) {
            failed("cannot append to the journal or the latency log", e);
        }
    }

    /** One write to the journal, on the writer thread. */
    @FunctionalInterface
    private interface JournalWrite {
        void to(JournalWriter journal) throws IOException;
    }

    private void journal(JournalWrite write) {
        if (writeFailed || journal == null) {
            return;
        }
        try {
            write.to(journal);
        } catch (IOException | RuntimeException e) {
            failed("cannot append to the journal", e);
        }
    }

    private void close(RunResult result, List<Threshold> extraThresholds) {
        try {
            if (journal != null) {
                journal.finish(result, extraThresholds);
                journal.close();
            }
            if (latencyLog != null) {
                latencyLog.close();
            }
        } catch (IOException | RuntimeException e) {
            failed("cannot close the journal or the latency log", e);
        }
    }

    private void failed(String what, Exception e) {
        if (!writeFailed) {
            writeFailed = true;
            log.error(what + "; the run goes on, result.json and SUMMARY.md will still be written", e);
        }
    }
}
