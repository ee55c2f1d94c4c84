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
 * the connections the clients had open.
 */
final class ConnectionLeakRule implements Rule {
    static final String ID = "connection-leak";
    static final double GROWTH_PCT = 50;
    static final int GROWTH_MIN = 20;
    static final double THROUGHPUT_GROWTH_PCT = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(RunFacts facts) {
        List<SecondInterval> seconds = facts.measured().stream().filter(s -> s.telemetry() != null).toList();
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
        Severity severity = serverOpen >= 2 * Math.max(1, end.connectionsOpen()) ? Severity.RED : Severity.YELLOW;
        String title = f("Connections pile up: the server holds %,d open while serving no more", serverOpen);
        String evidence = f("The server's open connections went from %.0f to %.0f on average (first and last third of"
                        + " the measured seconds) while throughput went from %,.0f to %,.0f req/s. At the end the server"
                        + " had %,d connections open and the clients %,d.", connectionsBefore, connectionsAfter,
                rpsBefore, rpsAfter, serverOpen, end.connectionsOpen());
        String advice = "Close connections on every path, errors and timeouts included (try-with-resources), and give"
                + " idle ones a timeout (server.keepAliveIdle). Something opens connections and never closes them: a"
                + " client that drops responses without closing, or a server path that forgets to close. Each one"
                + " holds a file descriptor and buffers until the process runs out.";
        return Optional.of(new Finding(ID, severity, title, evidence, advice));
    }

    private static double meanConnections(List<SecondInterval> seconds) {
        return seconds.stream().mapToInt(s -> s.telemetry().serverConnectionsOpen()).average().orElse(0);
    }
}
