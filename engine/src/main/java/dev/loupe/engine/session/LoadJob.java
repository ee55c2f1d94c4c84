package dev.loupe.engine.session;

import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadResult;
import dev.loupe.engine.load.LoadRun;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.measure.IntervalListener;
import dev.loupe.engine.report.ResultJson;
import dev.loupe.engine.run.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A URL-only load: the generator at any server, its snapshots to the listeners, the summary to a JSON file if asked. */
final class LoadJob implements RunSession.Job {
    private final LoadSpec spec;
    private final Optional<Path> json;
    private final LoadGenerator generator;
    private volatile LoadRun run;
    private volatile boolean stopRequested;

    LoadJob(LoadSpec spec, Optional<Path> json, LoadGenerator generator) {
        this.spec = spec;
        this.json = json;
        this.generator = generator;
    }

    @Override
    public SessionOutcome run(RunSession.Progress progress) throws IOException, InterruptedException {
        List<RunListener> listeners = progress.listeners();
        IntervalListener snapshots = snapshot -> listeners.forEach(l -> {
            try {
                l.onSnapshot(snapshot);
            } catch (RuntimeException e) {
                // a failing listener (a console that went away) must not end the load
            }
        });
        LoadRun load;
        try {
            load = generator.start(spec, List.of(snapshots));
        } catch (IllegalArgumentException e) {
            return new SessionOutcome.SetupFailed(e.getMessage(), progress.stopRequested());
        }
        run = load;
        progress.loadStarted(!spec.warmup().isZero(), spec.warmup().plus(spec.duration()).toMillis());
        if (stopRequested) {
            load.stop();
        }
        LoadResult result;
        try {
            result = load.awaitResult();
        } catch (InterruptedException e) {
            load.stop();
            throw e;
        }
        progress.writing();
        if (json.isPresent()) {
            ResultJson.writeSummary(json.get(), result.summary());
        }
        return new SessionOutcome.LoadFinished(result, json, progress.stopRequested());
    }

    @Override
    public void stop() {
        stopRequested = true;
        LoadRun r = run;
        if (r != null) {
            r.stop();
        }
    }
}
