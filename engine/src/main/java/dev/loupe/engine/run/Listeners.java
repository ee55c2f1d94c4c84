package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Fans a run's events out to its listeners; a listener that throws is reported once through
 * {@code onFailure} and dropped, and the others carry on.
 */
final class Listeners implements RunListener {
    private final List<RunListener> live;
    private final BiConsumer<RunListener, RuntimeException> onFailure;

    Listeners(List<RunListener> listeners, BiConsumer<RunListener, RuntimeException> onFailure) {
        this.live = new ArrayList<>(listeners);
        this.onFailure = onFailure;
    }

    @Override
    public void onStarted(RunStarted started) {
        each(l -> l.onStarted(started));
    }

    @Override
    public void onSnapshot(IntervalSnapshot snapshot) {
        each(l -> l.onSnapshot(snapshot));
    }

    @Override
    public void onSecond(SecondInterval second, SecondDetail detail) {
        each(l -> l.onSecond(second, detail));
    }

    @Override
    public void onTelemetry(TelemetrySecond second) {
        each(l -> l.onTelemetry(second));
    }

    @Override
    public void onStacks(StackSecond stacks) {
        each(l -> l.onStacks(stacks));
    }

    @Override
    public void onTelemetryCheckpoint(TelemetrySummary soFar) {
        each(l -> l.onTelemetryCheckpoint(soFar));
    }

    @Override
    public void onFindings(List<Finding> findings) {
        each(l -> l.onFindings(findings));
    }

    @Override
    public void onFinished(RunResult result) {
        each(l -> l.onFinished(result));
    }

    private synchronized void each(java.util.function.Consumer<RunListener> call) {
        for (var it = live.iterator(); it.hasNext(); ) {
            RunListener l = it.next();
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                it.remove();
                onFailure.accept(l, e);
            }
        }
    }
}
