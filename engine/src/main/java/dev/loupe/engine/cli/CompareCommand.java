package dev.loupe.engine.cli;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.report.ComparisonDocuments;
import dev.loupe.engine.report.compare.Comparer;
import dev.loupe.engine.report.compare.Comparison;
import dev.loupe.engine.report.compare.ComparisonJson;
import dev.loupe.engine.report.compare.ComparisonMarkdown;
import dev.loupe.engine.report.compare.RunSample;
import dev.loupe.engine.report.compare.RunSamples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe compare BASE… -- CANDIDATE…}: did the candidate get slower than the baseline? */
@Command(
        name = "compare",
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Compares a baseline's runs with a candidate's: every metric side by side, and a verdict.",
        description = {
            "Reads run folders (or their result.json files), the baseline's before --, the candidate's after;",
            "two paths alone are one run per side. Prints every summary and telemetry metric as baseline,",
            "candidate and change, marks a change that is not significant with ~ (p >= 0.01), lists findings",
            "that appeared or went away, and gives a verdict. A regression is a significant drop in throughput",
            "or rise in p99 latency beyond --max-regression.",
            "",
            "With several runs per side the test uses the variance between runs (Welch's t-test over the runs);",
            "with one run on a side it rests on the seconds of that run (Mann-Whitney U over the measured",
            "seconds), which run-to-run noise can fool: give each side three runs for a verdict that holds.",
            "",
            "Examples:",
            "  loupe compare runs/before runs/after",
            "  loupe compare runs/base-1 runs/base-2 runs/base-3 -- runs/new-1 runs/new-2 runs/new-3 --md diff.md",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    no regression",
            "  2    a path is not a run folder or result.json, or an option is bad",
            "  99   the candidate regressed"
        })
final class CompareCommand implements Callable<Integer> {
    /** Where the baseline ends and the candidate begins. */
    static final String SEPARATOR = "--";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(paramLabel = "RUN", arity = "2..*",
            description = "The baseline's run folders, --, then the candidate's (or just two folders).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--max-regression", paramLabel = "PCT", defaultValue = "5%",
            description = "How much worse throughput or p99 may get before it is a regression (default: ${DEFAULT-VALUE}).")
    String maxRegression;

    @Option(names = "--md", paramLabel = "FILE", description = "Also writes the comparison as Markdown.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also writes the comparison as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also writes the comparison as one self-contained HTML page.")
    Path html;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Also writes the comparison as a PDF.")
    Path pdf;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        double maxPct = percent(maxRegression);
        List<List<String>> sides = sides(paths);
        RunCommand.checkWritable(markdown, "--md");
        RunCommand.checkWritable(json, "--json");
        RunCommand.checkWritable(html, "--html");
        RunCommand.checkWritable(pdf, "--pdf");
        List<RunSample> base = read(sides.get(0));
        List<RunSample> candidate = read(sides.get(1));
        Comparison comparison = Comparer.compare(base, candidate, maxPct);
        String md = ComparisonMarkdown.render(comparison);
        out.print(md);
        out.flush();
        if (markdown != null) {
            AtomicFiles.writeString(markdown, md);
        }
        if (json != null) {
            AtomicFiles.writeString(json, ComparisonJson.render(comparison));
        }
        if (html != null) {
            ComparisonDocuments.writeHtml(html, comparison);
        }
        if (pdf != null) {
            ComparisonDocuments.writePdf(pdf, comparison);
        }
        return comparison.regressed() ? ExitCodes.THRESHOLD_FAILED : ExitCodes.OK;
    }

    /** The two sides: before and after {@code --}, or the two paths. */
    static List<List<String>> sides(List<String> paths) {
        int at = paths.indexOf(SEPARATOR);
        if (at < 0) {
            if (paths.size() != 2) {
                throw new UserInputException("compare: " + paths.size() + " runs and no -- (expected: two runs, or the"
                        + " baseline's runs, --, then the candidate's)");
            }
            return List.of(List.of(paths.get(0)), List.of(paths.get(1)));
        }
        if (paths.lastIndexOf(SEPARATOR) != at) {
            throw new UserInputException("compare: -- appears twice (expected: the baseline's runs, --, then the candidate's)");
        }
        List<String> base = paths.subList(0, at);
        List<String> candidate = paths.subList(at + 1, paths.size());
        if (base.isEmpty() || candidate.isEmpty()) {
            throw new UserInputException("compare: " + (base.isEmpty() ? "no baseline runs before --" : "no candidate runs after --")
                    + " (expected: at least one run on each side)");
        }
        return List.of(base, candidate);
    }

    private static List<RunSample> read(List<String> paths) {
        List<RunSample> runs = new ArrayList<>();
        for (String path : paths) {
            try {
                runs.add(RunSamples.read(Path.of(path)));
            } catch (RunSamples.Unreadable e) {
                throw new UserInputException("compare: " + e.getMessage());
            }
        }
        return runs;
    }

    /** {@code 5%} or {@code 5} → 5. */
    static double percent(String text) {
        String digits = text.strip().toLowerCase(Locale.ROOT).replace("%", "").strip();
        try {
            double pct = Double.parseDouble(digits);
            if (pct >= 0 && pct < 1000 && !Double.isNaN(pct)) {
                return pct;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserInputException("--max-regression " + text + " (expected: a percentage from 0 to 1000, e.g. 5%)");
    }
}
