package dev.loupe.app.run;

import dev.loupe.app.live.DelayLamp;
import dev.loupe.app.live.LiveFeed;
import dev.loupe.app.live.LiveTimeline;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.report.ThresholdResult;
import dev.loupe.engine.run.RunStarted;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.session.RunSession;
import dev.loupe.engine.session.SessionListener;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.session.SessionState;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One run at a time from the dashboard: {@link #start} a resolved scenario, {@link #stop} it from any
 * state (it ends within about a second), {@link #close} when the window closes (the run is stopped
 * and its folder written before the call returns, within a bound). State, progress, the run folder and
 * the findings are read-only properties, changed only through the FX executor.
 */
public final class RunViewModel {
    /** How long {@link #close} waits for a stopped run's folder. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Path base;
    private final InstantSource clock;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(this, "state", SessionState.READY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper elapsedMs = new ReadOnlyLongWrapper(this, "elapsedMs");
    private final ReadOnlyLongWrapper totalMs = new ReadOnlyLongWrapper(this, "totalMs");
    private final ReadOnlyObjectWrapper<Path> runFolder = new ReadOnlyObjectWrapper<>(this, "runFolder");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<SessionOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IntervalSnapshot> lastSnapshot = new ReadOnlyObjectWrapper<>(this, "lastSnapshot");
    private final ReadOnlyObjectWrapper<DelayLamp> lamp = new ReadOnlyObjectWrapper<>(this, "lamp");
    private final LiveFeed feed = new LiveFeed();
    private final LiveTimeline timeline = new LiveTimeline();
    private long droppedItems;
    private RunSession session;
    /** Done once the finished run has been handed to the FX executor. */
    private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

    /**
     * @param base the folder below which run folders go ({@code runs/<date>-<time>-<name>/}), as {@code loupe run}'s
     * @param clock names the run folder and stamps the run log
     * @param fx runs property changes on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public RunViewModel(Path base, InstantSource clock, Executor fx) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether a run is going (from Start until its folder is written). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How far the run is, in ms since its load began (warm-up included). */
    public ReadOnlyLongProperty elapsedMsProperty() {
        return elapsedMs.getReadOnlyProperty();
    }

    /** How long the run's load lasts, warm-up and measured part together, in ms. */
    public ReadOnlyLongProperty totalMsProperty() {
        return totalMs.getReadOnlyProperty();
    }

    /** The current or last run's folder. */
    public ReadOnlyObjectProperty<Path> runFolderProperty() {
        return runFolder.getReadOnlyProperty();
    }

    /** One line about the run for the status bar, e.g. why it could not start. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How the last run ended; null before the first ends. */
    public ReadOnlyObjectProperty<SessionOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The latest 250 ms of what the clients saw; null before the first. */
    public ReadOnlyObjectProperty<IntervalSnapshot> lastSnapshotProperty() {
        return lastSnapshot.getReadOnlyProperty();
    }

    /** The dispatch delay's lamp: its colour now and the verdict so far; null until a probe reported. */
    public ReadOnlyObjectProperty<DelayLamp> lampProperty() {
        return lamp.getReadOnlyProperty();
    }

    /**
     * What the charts draw, on the FX thread: cleared by {@link #start}, planned when the run settles
     * its length, filled by {@link #tick}; {@link LiveTimeline#revision} says which side changed.
     */
    public LiveTimeline timeline() {
        return timeline;
    }


    /** Seconds the run's threads offered that the feed dropped because the FX timer fell that far behind. */
    public long droppedItems() {
        return droppedItems;
    }

    /**
     * Drains what the run's threads reported since the last tick into the properties and the charts.
     * The view's FX timer calls this a few times a second; a finished run drains once more.
     *
     * @return whether anything changed
     */
    public boolean tick() {
        LiveFeed.Batch batch = feed.drain();
        if (batch.isEmpty()) {
            return false;
        }
        droppedItems += batch.dropped();
        batch.seconds().forEach(timeline::add);
        batch.jvm().forEach(timeline::add);
        if (batch.snapshot() != null) {
            elapsedMs.set(Math.min(batch.snapshot().endMs(), totalMs.get()));
            lastSnapshot.set(batch.snapshot());
        }
        if (batch.findings() != null && running.get()) {
            findings.setAll(batch.findings());
        }
        if (!batch.seconds().isEmpty() || !batch.jvm().isEmpty()) {
            lamp.set(timeline.lamp().orElse(null));
        }
        return true;
    }

    /** The findings, worst first: live while the run goes, final at its end. */
    public ObservableList<Finding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /**
     * Starts {@code scenario}; its run folder is made now, so a bad path fails before anything runs.
     *
     * @param source how the scenario is named in the run log (its file)
     * @return false, with {@link #messageProperty} saying why, if it could not start
     * @throws IllegalStateException if a run is going
     */
    public boolean start(Scenario scenario, String source) {
        if (running.get()) {
            throw new IllegalStateException("a run is going: stop it first");
        }
        Path folder = RunFolder.defaultPath(base, clock.instant(), ZoneId.systemDefault(), scenario.name());
        try {
            RunFolder.prepare(folder);
        } catch (IOException e) {
            message.set("cannot create the run folder " + folder + ": " + e.getMessage());
            return false;
        }
        findings.clear();
        outcome.set(null);
        lastSnapshot.set(null);
        lamp.set(null);
        feed.drain();
        droppedItems = 0;
        elapsedMs.set(0);
        totalMs.set(scenario.load().warmup().plus(scenario.load().duration()).toMillis());
        timeline.reset(scenario.load().warmup().toMillis(), totalMs.get());
        runFolder.set(folder);
        message.set("");
        running.set(true);
        session = RunSession.scenario(scenario, source, folder, List.of(), Optional.empty(), LoadGenerator.create(), clock);
        RunSession started = session;
        session.start(List.of(new Listener()));
        handedOver = started.completion().thenAccept(done -> fx.execute(() -> finished(done)));
        return true;
    }

    /** Stops the run, whatever it is doing; it ends within about a second. Does nothing without one. */
    public void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** Shows {@code text} where the run's messages go (the status bar). */
    public void say(String text) {
        message.set(text);
    }

    /** For a closing window: stops the run and waits (at most {@link #CLOSE_WAIT}) for its folder. */
    public void close() throws InterruptedException {
        RunSession s = session;
        if (s != null) {
            s.stop();
            s.await(CLOSE_WAIT);
            try {
                handedOver.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the session said what went wrong in its run log; the window closes regardless
            }
        }
    }

    private void finished(SessionOutcome done) {
        tick();
        outcome.set(done);
        switch (done) {
            case SessionOutcome.ScenarioFinished f -> {
                timeline.settle(f.result().intervals());
                lamp.set(timeline.lamp().orElse(null));
                findings.setAll(f.result().findings());
                message.set((f.stopped() ? "stopped; the run folder holds what ran" : "finished")
                        + thresholdsSaid(f.written().thresholds()));
            }
            case SessionOutcome.SetupFailed f -> message.set("could not start: " + f.message());
            case SessionOutcome.Failed f -> message.set("the run failed (" + f.cause() + "); run.log in the run folder says more");
            case SessionOutcome.LoadFinished f -> message.set("finished");
        }
        state.set(SessionState.DONE);
        running.set(false); // last: whoever hears it sees the outcome, the final findings and the message
    }

    /** What the thresholds say, after the finished run's word: all passed, or the first that failed and how many. */
    static String thresholdsSaid(List<ThresholdResult> judged) {
        if (judged.isEmpty()) {
            return "";
        }
        List<ThresholdResult> failed = judged.stream().filter(t -> !t.passed()).toList();
        if (failed.isEmpty()) {
            return judged.size() == 1 ? " · the threshold passed" : " · all " + judged.size() + " thresholds passed";
        }
        return " · " + failed.getFirst().verdict() + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
    }

    /** The session's events: the few state changes go to the FX thread, the rest into the feed the timer drains. */
    private final class Listener implements SessionListener {
        @Override
        public void onState(SessionState next) {
            if (next != SessionState.DONE) {
                fx.execute(() -> state.set(next));
            }
        }

        @Override
        public void onStarted(RunStarted started) {
            long warmup = started.load().warmup().toMillis();
            long total = warmup + started.load().duration().toMillis();
            fx.execute(() -> {
                totalMs.set(total);
                timeline.plan(warmup, total);
            });
        }

        @Override
        public void onSnapshot(IntervalSnapshot snapshot) {
            feed.offer(snapshot);
        }

        @Override
        public void onSecond(SecondInterval second, SecondDetail detail) {
            feed.offer(second);
        }

        @Override
        public void onTelemetry(TelemetrySecond second) {
            feed.offer(second);
        }

        @Override
        public void onFindings(List<Finding> live) {
            feed.offer(live);
        }
    }
}
