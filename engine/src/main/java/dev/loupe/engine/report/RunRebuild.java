package dev.loupe.engine.report;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.ConnectionCounts;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.GeneratorHealth;
import dev.loupe.engine.measure.IntervalCollector;
import dev.loupe.engine.measure.LatencyHistogram;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.run.RunFindings;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.run.SecondAggregator;
import dev.loupe.engine.run.TelemetryJoin;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code loupe report DIR}: rebuilds a run folder's {@code result.json}, {@code SUMMARY.md}, {@code
 * intervals.csv}, flame graphs, {@code report.pdf} and {@code report.html} from its {@code
 * journal.jsonl} (and {@code recording.jfr}, when it is there and readable). A finished run's journal
 * ends with everything its seconds do not give, so its rebuild is the same {@code result.json}. A run
 * that crashed (killed, out of memory, power lost) has no end line: its summary is added up from the
 * seconds the journal kept, the JVM side's totals and evidence are its last checkpoint's, the findings
 * are judged again, the flame graphs come from the journal's stacks, and the report is marked partial
 * (outcome {@code crashed}).
 */
public final class RunRebuild {
    private RunRebuild() {}

    /** Why a folder cannot be rebuilt, in words for the user. */
    public static final class NotRebuildable extends Exception {
        NotRebuildable(String message) {
            super(message);
        }
    }

    /**
     * What a rebuild wrote.
     *
     * @param report the rebuilt run with its thresholds judged
     * @param files the files written, in order
     * @param warnings journal lines that were skipped and why
     */
    public record Rebuilt(RunReport report, List<String> files, List<String> warnings) {
        public Rebuilt {
            Objects.requireNonNull(report, "report");
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        /** Whether the run crashed and the report covers only what the journal kept. */
        public boolean partial() {
            return report.result().outcome() == RunOutcome.CRASHED;
        }
    }

    /**
     * Rebuilds {@code folder}.
     *
     * @param extraThresholds judged after the scenario's and the ones the run was started with
     * @throws NotRebuildable when the folder is not a run folder or its journal has no start line
     * @throws IOException when the journal cannot be read or a file not written
     */
    public static Rebuilt rebuild(Path folder, List<Threshold> extraThresholds, RunLog log)
            throws NotRebuildable, IOException {
        Journal journal = read(folder);
        JournalHeader header = journal.header().orElseThrow(() -> new NotRebuildable(folder.resolve(JournalWriter.FILE_NAME)
                + " has no readable start line, so the scenario is unknown and nothing can be rebuilt"));
        journal.warnings().forEach(log::warn);
        RunResult result = result(journal, header);
        List<Threshold> thresholds = new ArrayList<>(journal.end().map(JournalEnd::extraThresholds).orElse(List.of()));
        thresholds.addAll(extraThresholds);
        RunReport report = RunReport.of(result, thresholds);
        ReportFormat.writeAll(folder, report);
        List<String> files = new ArrayList<>();
        ReportFormat.runFolder().forEach(f -> files.add(f.fileName()));
        files.addAll(Documents.write(folder, report, journal.stacks(), log));
        log.info("rebuilt from " + JournalWriter.FILE_NAME + " (" + journal.entries().size() + " seconds, outcome "
                + JsonSupport.outcome(result.outcome()) + "): " + String.join(", ", files));
        return new Rebuilt(report, files, journal.warnings());
    }

    /**
     * The files a rebuild writes, in order; the journal, the recording, the latency log and the run log
     * are the run's own and stay as they are (the run log gets a line).
     */
    public static List<String> files() {
        List<String> names = new ArrayList<>();
        ReportFormat.runFolder().forEach(f -> names.add(f.fileName()));
        names.addAll(FlameGraphs.files());
        names.add(PdfReport.FILE_NAME);
        names.add(HtmlReport.FILE_NAME);
        return names;
    }

    /** Checks that {@code folder} is a run folder with a journal, before anything is written into it. */
    public static void check(Path folder) throws NotRebuildable {
        if (!Files.isDirectory(folder)) {
            throw new NotRebuildable(folder + (Files.exists(folder) ? " is a file" : " does not exist")
                    + " (expected: a run folder, e.g. runs/20260101-120000-quick)");
        }
        if (!Files.isRegularFile(folder.resolve(JournalWriter.FILE_NAME))) {
            throw new NotRebuildable(folder + " has no " + JournalWriter.FILE_NAME
                    + " (expected: a run folder that loupe run or the dashboard wrote)");
        }
    }

    private static Journal read(Path folder) throws NotRebuildable, IOException {
        check(folder);
        return JournalReader.read(folder.resolve(JournalWriter.FILE_NAME));
    }

    /** The run as its journal tells it. */
    static RunResult result(Journal journal, JournalHeader header) {
        List<SecondInterval> intervals = TelemetryJoin.join(
                SecondAggregator.bounded(journal.intervals(), RunResult.MAX_INTERVALS),
                TelemetrySecond.bounded(journal.telemetry(), TelemetrySecond.MAX_SERIES));
        LatencyHistogram latency = LatencyHistogram.merge(measured(journal).stream().map(JournalEntry::latency).toList());
        LatencyHistogram uncorrected = LatencyHistogram.merge(
                measured(journal).stream().map(JournalEntry::uncorrectedLatency).toList());
        if (journal.end().isPresent()) {
            JournalEnd end = journal.end().get();
            return new RunResult(header.scenario(), header.environment(), header.startedAt(), journal.outcome().orElseThrow(),
                    header.serverUrl(), end.summary(), intervals, latency, uncorrected, end.telemetry(), end.notes(),
                    end.findings());
        }
        LoadSummary summary = summary(journal, latency, uncorrected);
        TelemetrySummary telemetry = journal.checkpoint().orElse(null);
        List<String> notes = new ArrayList<>();
        RunOutcome outcome = journal.outcome().orElse(RunOutcome.CRASHED);
        long endMs = journal.entries().isEmpty() ? 0 : journal.entries().getLast().interval().endMs();
        if (outcome == RunOutcome.CRASHED) {
            notes.add("rebuilt from " + JournalWriter.FILE_NAME + ": its last second ends at " + clock(endMs)
                    + "; the second the run was measuring when it stopped is lost");
        } else {
            notes.add("rebuilt from " + JournalWriter.FILE_NAME + ", whose end line holds only the outcome: the summary is"
                    + " added up from its seconds");
        }
        if (telemetry != null) {
            notes.add("the JVM side's totals and evidence are those of the journal's last checkpoint; its per-second"
                    + " charts run to the last second the journal kept");
        } else if (!journal.telemetry().isEmpty()) {
            notes.add("the journal has no checkpoint of the JVM side's totals and evidence (the run ended within its"
                    + " first seconds), so only its per-second charts are shown");
        }
        notes.add("the findings were judged again from the journal, without the server's own counters (refused"
                + " connections, the workload's counters), which end with the run");
        double maxHeapMb = telemetry != null ? telemetry.heap().maxMb() : Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
        List<Finding> findings = RunFindings.judge(header.scenario(), intervals, summary, telemetry, maxHeapMb);
        return new RunResult(header.scenario(), header.environment(), header.startedAt(), outcome, header.serverUrl(),
                summary, intervals, latency, uncorrected, telemetry, notes, findings);
    }

    private static List<JournalEntry> measured(Journal journal) {
        return journal.entries().stream().filter(e -> !e.interval().warmup()).toList();
    }

    /** The load's summary added up from the journal's seconds, as the generator adds up its snapshots. */
    private static LoadSummary summary(Journal journal, LatencyHistogram latency, LatencyHistogram uncorrected) {
        List<JournalEntry> measured = measured(journal);
        long requests = 0;
        long responses = 0;
        long behindMs = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        for (JournalEntry e : measured) {
            requests += e.interval().requests();
            responses += e.detail().responses();
            behindMs += e.interval().behindScheduleMs();
            errors = errors.plus(e.detail().errors());
        }
        ConnectionCounts connections = ConnectionCounts.NONE;
        for (JournalEntry e : journal.entries()) {
            connections = connections.plus(e.detail().connections());
        }
        double durationS = measured.isEmpty() ? 0
                : (measured.getLast().interval().endMs() - measured.getFirst().interval().startMs()) / 1000.0;
        boolean saturated = !measured.isEmpty()
                && measured.getLast().detail().scheduleLagMs() * 1_000_000L > IntervalCollector.SATURATION_LAG_NS;
        return LoadSummary.of(requests, responses, durationS, errors, connections, latency.toLatencyMs(),
                uncorrected.toLatencyMs(), new GeneratorHealth(behindMs, saturated));
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
