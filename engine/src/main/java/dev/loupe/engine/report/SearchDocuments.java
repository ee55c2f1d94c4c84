package dev.loupe.engine.report;

import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.chart.GridCharts;
import dev.loupe.engine.chart.Palette;
import dev.loupe.engine.report.ReportPages.Style;
import dev.loupe.engine.report.compare.SearchMarkdown;
import dev.loupe.engine.report.compare.SearchResult;
import dev.loupe.engine.report.compare.SearchStep;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A search's {@code report.pdf} and {@code report.html}: the answer, the latency against the rate, every step. */
public final class SearchDocuments {
    private SearchDocuments() {}

    /** Writes both into {@code folder}, each atomically. */
    public static void write(Path folder, SearchResult s) throws IOException {
        String title = "Loupe search: " + s.scenario();
        PagedDocument.pdf(folder.resolve(PdfReport.FILE_NAME), title, pages -> content(s, pages));
        PagedDocument.html(folder.resolve(HtmlReport.FILE_NAME), title, pages -> content(s, pages));
    }

    static void content(SearchResult s, ReportPages p) throws IOException {
        p.text(Style.TITLE, 0, "Loupe search: " + s.scenario());
        p.text(Style.MUTED, 0, "The highest open-model rate with " + s.spec().slo().stream().map(Object::toString)
                .collect(Collectors.joining(" and ")) + "; each step is a full run folder below this one.");
        p.marked(s.highestPassingRps().isPresent() ? Palette.GREEN : Palette.RED, Style.STRONG, SearchMarkdown.answer(s));
        if (s.generatorLimited()) {
            p.marked(Palette.YELLOW, Style.BODY, "The generator's limit: at " + Numbers.rateRps(s.lowestFailingRps().getAsDouble())
                    + " the load generator fell behind its schedule, so that rate was never sent; give it more connections"
                    + " (load.connections) and search again.");
        }
        if (s.interrupted()) {
            p.marked(Palette.YELLOW, Style.BODY, "Interrupted: the answer covers the steps that ran.");
        }
        List<SearchStep> measured = s.steps().stream().filter(st -> st.result().isPresent()).toList();
        if (!measured.isEmpty()) {
            p.chart(GridCharts.latencyByRate(measured.stream().mapToDouble(SearchStep::rateRps).toArray(),
                    measured.stream().mapToDouble(st -> st.result().get().summary().latencyMs().p99()).toArray(),
                    toBooleans(measured), sloP99(s), ChartTheme.LIGHT, ReportFonts.charts()), 200);
        }
        p.text(Style.HEADING, 0, "Steps");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("#", "rate", "verdict", "throughput", "p50", "p99", "errors"));
        for (SearchStep st : s.steps()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(st.index() + 1), Numbers.rateRps(st.rateRps()),
                    st.verdict().shown() + st.problem().map(pr -> ": " + pr).orElse("")));
            if (st.result().isPresent()) {
                RunResult r = st.result().get();
                row.addAll(List.of(Numbers.rateRps(r.summary().throughputRps()), Numbers.latencyMs(r.summary().latencyMs().p50()),
                        Numbers.latencyMs(r.summary().latencyMs().p99()), Numbers.percent(r.summary().errorRatePct())));
            } else {
                row.addAll(List.of("–", "–", "–", "–"));
            }
            rows.add(row);
        }
        p.table(rows, new float[] {0.06f, 0.16f, 0.26f, 0.16f, 0.12f, 0.12f, 0.12f}, false);
    }

    /** The SLO's p99 limit, drawn as a line, when it has one. */
    private static Double sloP99(SearchResult s) {
        return s.spec().slo().stream().filter(t -> t.metric().equals("summary.latencyMs.p99")).map(t -> t.limit()).findFirst()
                .orElse(null);
    }

    private static boolean[] toBooleans(List<SearchStep> steps) {
        boolean[] passed = new boolean[steps.size()];
        for (int i = 0; i < passed.length; i++) {
            passed[i] = steps.get(i).verdict() == SearchStep.Verdict.PASSED;
        }
        return passed;
    }
}
