package dev.loupe.engine.cli;

import dev.loupe.engine.report.ReportFormat;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.report.RunRebuild;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.scenario.Threshold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe report DIR}: rebuilds a run folder's outputs from its journal, after a crash too. */
@Command(
        name = "report",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Rebuilds a run folder's reports from its journal, after a crash too.",
        description = {
            "Reads DIR/journal.jsonl, which a run appends to and flushes every second, and writes result.json,",
            "SUMMARY.md, intervals.csv, report.pdf, report.html and the flame graphs (flame.collapsed, flame.html,",
            "alloc.collapsed, alloc.html) again, each to a temporary name and renamed. The flame graphs come from",
            "recording.jfr when it is there and readable, otherwise from the stacks the journal keeps.",
            "",
            "A run that finished is rebuilt to the same result.json. A run that was killed or crashed has no end",
            "line: its report covers the seconds the journal kept and is marked partial (outcome \"crashed\").",
            "The summary is added up from those seconds, the JVM side's totals and evidence come from the",
            "journal's last checkpoint (every 5 s), and the findings are judged again.",
            "",
            "Examples:",
            "  loupe report runs/20261204-101500-heavy",
            "  loupe report runs/20261204-101500-heavy --threshold 'summary.latencyMs.p99<50' --junit junit.xml",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    rebuilt, and every threshold passed",
            "  1    internal error (DIR/run.log says why)",
            "  2    DIR is not a run folder, its journal has no start line, or an option is bad",
            "  99   rebuilt, and a threshold failed (or the run was stopped by a guard)"
        })
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The run folder to rebuild.")
    Path folder;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Adds a pass/fail condition on result.json, judged after the run's own, e.g."
                    + " 'summary.latencyMs.p99<50' (repeatable).")
    List<String> thresholdExpressions = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also writes the thresholds as JUnit XML, for CI servers.")
    Path junit;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        List<Threshold> thresholds = RunCommand.thresholds(thresholdExpressions, "--threshold");
        RunCommand.checkWritable(junit, "--junit");
        RunRebuild.Rebuilt rebuilt;
        try {
            RunRebuild.check(folder);
            RunFolder.prepare(folder);
        } catch (RunRebuild.NotRebuildable | IOException e) {
            throw new UserInputException("loupe report " + folder + ": " + e.getMessage());
        }
        try (RunLog log = RunLog.appendingTo(folder.resolve("run.log"), InstantSource.system())) {
            rebuilt = RunRebuild.rebuild(folder, thresholds, log);
        } catch (RunRebuild.NotRebuildable e) {
            throw new UserInputException("loupe report " + folder + ": " + e.getMessage());
        }
        rebuilt.warnings().forEach(w -> err.println("loupe report: " + w));
        err.flush();
        if (junit != null) {
            ReportFormat.junitXml().write(junit, rebuilt.report());
        }
        List<String> missing = RunRebuild.files().stream().filter(f -> !rebuilt.files().contains(f)).toList();
        RunConsoleReport.print(out, rebuilt.report().result(),
                new RunFolder.Written(rebuilt.report().thresholds(), rebuilt.files()), folder);
        if (!missing.isEmpty()) {
            out.println("  not written: " + String.join(", ", missing) + " (run.log says why)");
        }
        out.println(rebuilt.partial()
                ? "  partial: the run did not finish; this report covers the seconds its journal kept"
                : "  rebuilt from " + folder.resolve("journal.jsonl"));
        out.flush();
        return rebuilt.report().failedThresholds().isEmpty()
                && rebuilt.report().result().outcome() != RunOutcome.STOPPED_BY_GUARD ? ExitCodes.OK : ExitCodes.THRESHOLD_FAILED;
    }
}
