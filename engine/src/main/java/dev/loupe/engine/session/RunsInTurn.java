package dev.loupe.engine.session;

import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.Threshold;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenarios one after another, each into a run folder of its own, and stops the one in progress
 * on {@link #stop}: the part a grid and a search share.
 */
final class RunsInTurn {
    /**
     * How one run went: it finished (to its end or stopped), or why it could not run.
     *
     * @param finished the run's outcome; empty when it could not run
     * @param problem why it could not run, in words; empty when it ran
     */
    record Turn(Optional<SessionOutcome.ScenarioFinished> finished, Optional<String> problem) {
        static Turn couldNotRun(String why) {
            return new Turn(Optional.empty(), Optional.of(why));
        }
    }

    private final LoadGenerator generator;
    private final InstantSource clock;
    private volatile boolean stopRequested;
    private volatile RunSession current;

    RunsInTurn(LoadGenerator generator, InstantSource clock) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code scenario} into {@code folder} (created now) and waits for it. */
    Turn run(Scenario scenario, String source, Path folder, List<Threshold> extraThresholds,
            List<? extends RunListener> listeners) throws InterruptedException {
        try {
            RunFolder.prepare(folder);
        } catch (IOException e) {
            return Turn.couldNotRun("cannot create its folder (" + e.getMessage() + ")");
        }
        RunSession session = RunSession.scenario(scenario, source, folder, extraThresholds, Optional.empty(), generator, clock);
        current = session;
        if (stopRequested) {
            session.stop();
        }
        SessionOutcome outcome = session.start(listeners).await();
        current = null;
        return switch (outcome) {
            case SessionOutcome.ScenarioFinished f -> new Turn(Optional.of(f), Optional.empty());
            case SessionOutcome.SetupFailed s -> Turn.couldNotRun(s.message());
            case SessionOutcome.Failed f -> Turn.couldNotRun("it failed (" + f.cause() + "; its run.log has the details)");
            case SessionOutcome.LoadFinished l -> throw new IllegalStateException("a scenario session loaded a URL");
        };
    }

    /** Ends the run in progress (its folder keeps what ran) and every later one. Any thread; idempotent. */
    void stop() {
        stopRequested = true;
        RunSession session = current;
        if (session != null) {
            session.stop();
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
