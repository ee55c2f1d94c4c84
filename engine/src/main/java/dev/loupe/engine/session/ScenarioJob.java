package dev.loupe.engine.session;

import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunLog;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.run.RunSetupException;
import dev.loupe.engine.run.ScenarioRun;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.Threshold;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scenario run and its run folder: {@code run.log} from the first step, the rest as the run goes and at its end. */
final class ScenarioJob implements RunSession.Job {
    private final Scenario scenario;
    private final String source;
    private final Path folder;
    private final List<Threshold> extraThresholds;
    private final Optional<Path> junit;
    private final LoadGenerator generator;
    private final InstantSource clock;
    private volatile ScenarioRun run;
    private volatile boolean stopRequested;

    ScenarioJob(Scenario scenario, String source, Path folder, List<Threshold> extraThresholds, Optional<Path> junit,
            LoadGenerator generator, InstantSource clock) {
        this.scenario = scenario;
        this.source = source;
        this.folder = folder;
        this.extraThresholds = extraThresholds;
        this.junit = junit;
        this.generator = generator;
        this.clock = clock;
    }

    @Override
    public SessionOutcome run(RunSession.Progress progress) throws IOException, InterruptedException {
        try (RunLog log = RunLog.appendingTo(folder.resolve("run.log"), clock)) {
            log.info("scenario " + source + ": " + scenario.summary());
            ScenarioRun scenarioRun = new ScenarioRun(scenario, generator, clock,
                    (l, e) -> log.error("a run listener failed and was dropped: " + l, e));
            RunFolder files = new RunFolder(folder, log);
            scenarioRun.recordTo(files.recordingFile());
            run = scenarioRun;
            if (stopRequested) {
                scenarioRun.stop();
            }
            List<RunListener> listeners = new ArrayList<>(progress.listeners());
            listeners.add(1, files.listener());
            RunResult result;
            try {
                result = scenarioRun.run(listeners);
            } catch (RunSetupException e) {
                log.warn("could not start: " + e.getMessage());
                return new SessionOutcome.SetupFailed(e.getMessage(), progress.stopRequested());
            } catch (IOException | RuntimeException e) {
                log.error("the run failed", e);
                return new SessionOutcome.Failed(e, progress.stopRequested());
            }
            progress.writing();
            RunFolder.Written written = files.finish(result, extraThresholds, junit);
            log.info("finished: " + result.outcome() + ", " + written.failedThresholds() + " failed threshold(s)");
            return new SessionOutcome.ScenarioFinished(result, written, folder, progress.stopRequested());
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        ScenarioRun r = run;
        if (r != null) {
            r.stop();
        }
    }
}
