package dev.loupe.engine.analysis;

import static dev.loupe.engine.analysis.Text.f;

import dev.loupe.engine.series.SecondInterval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connection-leak}: the server holds more and more connections open while it serves no more
 * than before, so connections are opened and never closed (BunSpreader's client that never closes its
 * responses; a server that misses a close). Compares the first and last third of the measured seconds
 * with telemetry: <b>yellow</b> when the server's open connections grew by at least
 * {@value #GROWTH_PCT} % and {@value #GROWTH_MIN} connections while throughput grew by less than
 * {@value #THROUGHPUT_GROWTH_PCT} %; <b>red</b> when, besides, the server ended with at least twice
 * the connections the clients had open. When the clients' own open connections grew too, by at least
 * {@value #GROWTH_MIN}, to at least {@value #CLIENT_FACTOR} times the connections the load needs
 * ({@code load.connections}), the clients are the ones that leak, and the finding says so: yellow,
 * red from {@value #CLIENT_RED_FACTOR} times.
 */
final class ConnectionLeakRule implements Rule {
    static final String ID = "connection-leak";
    static final double GROWTH_PCT = 50;
    static final int GROWTH_MIN = 20;
    static final double THROUGHPUT_GROWTH_PCT = 10;
    /** Clients holding this many times their concurrency (load.connections) are the ones that leak. */
    static final int CLIENT_FACTOR = 2;
    /** Clients holding this many times their concurrency make the client-side leak red. */
    static final int CLIENT_RED_FACTOR = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        // The seconds while load was sent: once sending ends the clients close what they hold, and that
        // last partial second would hide the growth before it.
        long sendEndMs = facts.scenario().load().warmup().plus(facts.scenario().load().duration()).toMillis();
        List<SecondInterval> seconds = facts.measured().stream()
                .filter(s -> s.telemetry() != null && s.startMs() < sendEndMs).toList();
        int third = seconds.size() / 3;
        if (third == 0) {
            return Optional.empty();
        }
        List<SecondInterval> first = seconds.subList(0, third);
        List<SecondInterval> last = seconds.subList(seconds.size() - third, seconds.size());
        double connectionsBefore = meanConnections(first);
        double connectionsAfter = meanConnections(last);
        double rpsBefore = first.stream().mapToDouble(SecondInterval::throughputRps).average().orElse(0);
        double rpsAfter = last.stream().mapToDouble(SecondInterval::throughputRps).average().orElse(0);
        boolean growing = connectionsAfter - connectionsBefore >= GROWTH_MIN
                && connectionsAfter >= connectionsBefore * (1 + GROWTH_PCT / 100)
                && rpsAfter < Math.max(1, rpsBefore) * (1 + THROUGHPUT_GROWTH_PCT / 100);
        if (!growing) {
            return Optional.empty();
        }
        SecondInterval end = seconds.getLast();
        int serverOpen = Objects.requireNonNull(end.telemetry()).serverConnectionsOpen();
        long clientOpen = end.connectionsOpen();
        int concurrency = facts.scenario().load().connections();
        double clientBefore = first.stream().mapToLong(SecondInterval::connectionsOpen).average().orElse(0);
        double clientAfter = last.stream().mapToLong(SecondInterval::connectionsOpen).average().orElse(0);
        if (clientOpen >= CLIENT_FACTOR * concurrency && clientAfter - clientBefore >= GROWTH_MIN) {
            return Optional.of(clientLeak(clientBefore, clientAfter, clientOpen, serverOpen, concurrency, rpsBefore, rpsAfter));
        }
        Severity severity = serverOpen >= 2 * Math.max(1, clientOpen) ? Severity.RED : Severity.YELLOW;
        String title = f("Connections pile up: the server holds %,d open while serving no more", serverOpen);
        String evidence = f("The server's open connections went from %.0f to %.0f on average (first and last third of"
                        + " the measured seconds) while throughput went from %,.0f to %,.0f req/s. At the end the server"
                        + " had %,d connections open and the clients %,d.", connectionsBefore, connectionsAfter,
                rpsBefore, rpsAfter, serverOpen, clientOpen);
        String advice = "Close connections on every path, errors and timeouts included (try-with-resources), and give"
                + " idle ones a timeout (server.keepAliveIdle). Something opens connections and never closes them: a"
                + " server path that forgets to close, or a client that drops responses without closing them. Each one"
                + " holds a file descriptor and buffers until the process runs out.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    /** The clients hold the connections: each request opened one and left the last one open. */
    private static Finding clientLeak(double before, double after, long clientOpen, int serverOpen, int concurrency,
            double rpsBefore, double rpsAfter) {
        Severity severity = clientOpen >= CLIENT_RED_FACTOR * concurrency ? Severity.RED : Severity.YELLOW;
        String title = f("The clients leak connections: they hold %,d open to send %,d requests at a time", clientOpen,
                concurrency);
        String evidence = f("The clients' open connections went from %.0f to %.0f on average (first and last third of"
                        + " the measured seconds) while throughput went from %,.0f to %,.0f req/s; at the end the clients"
                        + " held %,d and the server %,d. A client needs about one connection per request in flight (%,d"
                        + " here): the rest were left open after their response (yellow from %d times that, red from %d"
                        + " times).", before, after, rpsBefore, rpsAfter, clientOpen, serverOpen, concurrency,
                CLIENT_FACTOR, CLIENT_RED_FACTOR);
        String advice = "Close each response when you are done with it (read or discard its body, then close it), so"
                + " that its connection goes back to the client's pool or closes: a client that drops responses"
                + " unclosed opens a new connection for every request and leaves the old one open, and the server"
                + " keeps each until its idle timeout (server.keepAliveIdle), holding a file descriptor on both sides"
                + " until one of them runs out.";
        return new Finding(ID, severity, title, evidence, advice);
    }

    private static double meanConnections(List<SecondInterval> seconds) {
        return seconds.stream().mapToInt(s -> s.telemetry().serverConnectionsOpen()).average().orElse(0);
    }
}
