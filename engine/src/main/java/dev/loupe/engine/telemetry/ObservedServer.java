package dev.loupe.engine.telemetry;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.util.List;

/**
 * What telemetry reads of the server under test: where it dispatches work (for the delay probes),
 * and two gauges the runtime sampler takes every 250 ms. The run adapts its server to this, so
 * telemetry knows no server type. Every method may be called from a telemetry thread at any time and
 * must return at once.
 */
public interface ObservedServer {

    /** Where the server dispatches work; empty when it exposes none. */
    List<DispatchTarget> dispatchTargets();

    /** Connections the server has open, now. */
    int openConnections();

    /** Work waiting for a thread, now; 0 for a server that does not queue. */
    int queueLength();

    /** A server telemetry cannot see into: no targets, no gauges (they read 0). */
    ObservedServer NONE = new ObservedServer() {
        @Override
        public List<DispatchTarget> dispatchTargets() {
            return List.of();
        }

        @Override
        public int openConnections() {
            return 0;
        }

        @Override
        public int queueLength() {
            return 0;
        }
    };
}
