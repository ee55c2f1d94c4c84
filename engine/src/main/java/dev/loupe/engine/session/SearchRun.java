package dev.loupe.engine.session;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.report.ResultJson;
import dev.loupe.engine.report.SearchDocuments;
import dev.loupe.engine.report.ThresholdEvaluation;
import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.report.compare.SearchJson;
import dev.loupe.engine.report.compare.SearchMarkdown;
import dev.loupe.engine.report.compare.SearchResult;
import dev.loupe.engine.report.compare.SearchStep;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.SearchSpec;
import dev.loupe.engine.scenario.Threshold;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * A search for the highest open-model rate that meets an SLO ({@link SearchSpec}): steps up from the
 * start rate, doubling, until a step breaks the SLO, then bisects. Each step is a full run folder
 * below {@code folder} ({@code 01-rate-100}, …); at the end, {@code search.json}, {@code SUMMARY.md},
 * {@code report.pdf} and {@code report.html}. A step that broke the SLO only before its requests were
 * sent (its generator fell behind its schedule for a tenth of the step or more, and the latency from
 * the actual send met the SLO)
 * counts as failing, marked as the generator's limit. {@link #stop} ends the step in progress and the search.
 */
public final class SearchRun {
    /** Hears the steps begin and end, on the thread that called {@link #run}. */
    public interface Listener {
        default void starting(int step, double rateRps) {}

        default void finished(SearchStep step) {}
    }

    private final SearchSpec spec;
    private final String name;
    private final String source;
    private final Path folder;
    private final InstantSource clock;
    private final RunsInTurn runs;

    public SearchRun(SearchSpec spec, String name, String source, Path folder, LoadGenerator generator, InstantSource clock) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runs = new RunsInTurn(generator, clock);
    }

    /**
     * Runs the search and writes its files.
     *
     * @param scenarioAt the scenario at a rate (the open model, a constant schedule)
     * @param stepListeners each step's run's listeners (a console's progress)
     */
    public SearchResult run(Listener listener, DoubleFunction<Scenario> scenarioAt,
            Supplier<List<? extends RunListener>> stepListeners) throws IOException, InterruptedException {
        List<SearchStep> steps = new ArrayList<>();
        try (RunLog log = RunLog.appendingTo(folder.resolve("run.log"), clock)) {
            log.info(spec + " in " + source);
            double passed = Double.NaN;
            double failed = Double.NaN;
            double rate = spec.startRps();
            while (!runs.stopRequested() && steps.size() < SearchSpec.MAX_STEPS) {
                listener.starting(steps.size() + 1, rate);
                SearchStep step = step(steps.size(), rate, scenarioAt.apply(rate), stepListeners.get());
                steps.add(step);
                log.info("step " + steps.size() + " at " + Numbers.rateRps(rate) + ": " + step.verdict());
                listener.finished(step);
                if (step.verdict() == SearchStep.Verdict.INTERRUPTED || step.verdict() == SearchStep.Verdict.FAILED_TO_RUN) {
                    break;
                }
                if (step.verdict() == SearchStep.Verdict.PASSED) {
                    passed = rate;
                } else {
                    failed = rate;
                }
                Double next = next(passed, failed, rate);
                if (next == null) {
                    break;
                }
                rate = next;
            }
            SearchResult result = new SearchResult(name, spec, steps, runs.stopRequested());
            AtomicFiles.writeString(folder.resolve(SearchJson.FILE_NAME), SearchJson.render(result));
            AtomicFiles.writeString(folder.resolve("SUMMARY.md"), SearchMarkdown.render(result));
            try {
                SearchDocuments.write(folder, result);
            } catch (IOException | RuntimeException | LinkageError | InternalError e) {
                log.error("cannot write the search's report.pdf and report.html; search.json and SUMMARY.md are written", e);
            }
            log.info(SearchMarkdown.answer(result));
            return result;
        }
    }

    /** The next rate: doubling until a failure, then halfway between; null when the search is done. */
    private Double next(double passed, double failed, double rate) {
        if (Double.isNaN(failed)) {
            if (rate >= spec.maxRps()) {
                return null;
            }
            return Math.min(spec.maxRps(), rate * 2);
        }
        if (Double.isNaN(passed)) {
            return null; // the first step already broke it
        }
        if (failed - passed <= Math.max(1, passed * spec.precisionPct() / 100)) {
            return null;
        }
        return (double) Math.round((passed + failed) / 2);
    }

    private SearchStep step(int index, double rate, Scenario scenario, List<? extends RunListener> listeners)
            throws InterruptedException {
        String stepFolder = String.format(Locale.ROOT, "%02d-rate-%s", index + 1, Numbers.plain(rate));
        Path path = folder.resolve(stepFolder);
        RunsInTurn.Turn turn = runs.run(scenario, source + " at " + Numbers.rateRps(rate), path, spec.slo(), listeners);
        if (turn.finished().isEmpty()) {
            return new SearchStep(index, rate, SearchStep.Verdict.FAILED_TO_RUN, stepFolder, Optional.empty(), List.of(),
                    turn.problem());
        }
        SessionOutcome.ScenarioFinished f = turn.finished().get();
        RunResult r = f.result();
        List<ThresholdResult> slo = ThresholdEvaluation.evaluate(ResultJson.measured(r, path), spec.slo());
        SearchStep.Verdict verdict = f.stopped() ? SearchStep.Verdict.INTERRUPTED
                : ThresholdEvaluation.allPassed(slo) ? SearchStep.Verdict.PASSED
                : fellBehind(r) && metOnceSent(r, path) ? SearchStep.Verdict.GENERATOR_LIMITED
                : SearchStep.Verdict.FAILED;
        return new SearchStep(index, rate, verdict, stepFolder, Optional.of(r), slo, Optional.empty());
    }

    /**
     * Whether the generator kept not to its schedule: it ended the run behind (saturated), or was behind
     * for a tenth of the measured part or more.
     */
    private static boolean fellBehind(RunResult r) {
        var g = r.summary().generator();
        return g.saturated() || g.behindScheduleMs() >= r.summary().durationS() * 1000 / 10;
    }

    /**
     * Whether the SLO holds from each request's actual send ({@code uncorrectedLatencyMs} for {@code
     * latencyMs}): then the time that broke it was spent before the send, in the generator that fell
     * behind, and the rate is its limit. When even the sent requests broke it, the server is.
     */
    private boolean metOnceSent(RunResult r, Path path) {
        List<Threshold> sent = spec.slo().stream().map(t -> t.metric().startsWith("summary.latencyMs.")
                ? new Threshold(t.metric().replace("summary.latencyMs.", "summary.uncorrectedLatencyMs."), t.comparison(), t.limit())
                : t).toList();
        return ThresholdEvaluation.allPassed(ThresholdEvaluation.evaluate(ResultJson.measured(r, path), sent));
    }

    /** Ends the step in progress (its folder keeps what ran) and the search. Any thread; idempotent. */
    public void stop() {
        runs.stop();
    }

    public boolean stopRequested() {
        return runs.stopRequested();
    }
}
