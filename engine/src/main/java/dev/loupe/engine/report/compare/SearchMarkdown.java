package dev.loupe.engine.report.compare;

import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.units.Numbers;
import java.util.stream.Collectors;

/** A search's {@code SUMMARY.md}: the answer first, then every step. */
public final class SearchMarkdown {
    private SearchMarkdown() {}

    /** The file's text. */
    public static String render(SearchResult s) {
        StringBuilder md = new StringBuilder();
        md.append("# Loupe search: ").append(s.scenario()).append(" — the highest rate with ").append(slo(s)).append("\n\n");
        md.append("**").append(answer(s)).append("**\n\n");
        if (s.generatorLimited()) {
            md.append("> **⚠ The generator's limit:** at ").append(Numbers.rateRps(s.lowestFailingRps().getAsDouble()))
                    .append(" the load generator fell behind its schedule and the requests it did send met the SLO, so"
                            + " the time that broke it was spent before the send, waiting for a free connection or for the"
                            + " generator's threads: the server may go further. Give the generator more connections"
                            + " (`load.connections`) or threads and search again.\n\n");
        }
        if (s.interrupted()) {
            md.append("> **Interrupted:** the search stopped early; the answer covers the steps that ran.\n\n");
        }
        md.append("The rate doubled from ").append(Numbers.rateRps(s.spec().startRps())).append(" until a step broke the SLO, then")
                .append(" the search bisected to within ").append(Numbers.plain(s.spec().precisionPct()))
                .append(" %. Each step is a full run folder below this one.\n\n");
        md.append("| step | rate | verdict | throughput | p50 | p99 | errors | SLO | folder |\n")
                .append("|---:|---:|---|---:|---:|---:|---:|---|---|\n");
        for (SearchStep step : s.steps()) {
            md.append("| ").append(step.index() + 1).append(" | ").append(Numbers.rateRps(step.rateRps())).append(" | ")
                    .append(step.verdict().shown()).append(step.problem().map(p -> ": " + p.replace("|", "\\|")).orElse(""))
                    .append(" | ");
            if (step.result().isPresent()) {
                RunResult r = step.result().get();
                md.append(Numbers.rateRps(r.summary().throughputRps())).append(" | ")
                        .append(Numbers.latencyMs(r.summary().latencyMs().p50())).append(" | ")
                        .append(Numbers.latencyMs(r.summary().latencyMs().p99())).append(" | ")
                        .append(Numbers.percent(r.summary().errorRatePct())).append(" | ")
                        .append(step.slo().stream().map(SearchMarkdown::judged).collect(Collectors.joining("; "))).append(" | ");
            } else {
                md.append("– | – | – | – | – | ");
            }
            md.append("[").append(step.folder()).append("](").append(step.folder()).append("/SUMMARY.md) |\n");
        }
        return md.toString();
    }

    /** The answer in one line. */
    public static String answer(SearchResult s) {
        if (s.highestPassingRps().isEmpty()) {
            return "✗ No rate met the SLO: even " + Numbers.rateRps(s.spec().startRps()) + " broke it.";
        }
        String highest = Numbers.rateRps(s.highestPassingRps().getAsDouble());
        if (s.lowestFailingRps().isEmpty()) {
            return "✓ Every rate up to " + highest + " met the SLO (the search's maxRps " + Numbers.rateRps(s.spec().maxRps())
                    + " was not reached or did not break it).";
        }
        return "✓ Highest rate that met the SLO: " + highest + "; lowest that broke it: "
                + Numbers.rateRps(s.lowestFailingRps().getAsDouble()) + (s.generatorLimited() ? " (the generator's limit)" : "") + ".";
    }

    static String slo(SearchResult s) {
        return s.spec().slo().stream().map(Object::toString).collect(Collectors.joining(" and "));
    }

    private static String judged(ThresholdResult t) {
        String actual = t.actual().isPresent() ? Numbers.plain(Math.round(t.actual().getAsDouble() * 1000) / 1000.0) : "–";
        return (t.passed() ? "✓ " : "✗ ") + t.metric() + " " + actual;
    }
}
