package dev.loupe.engine.load;

import dev.loupe.engine.checks.ArgumentChecks;
import java.util.Objects;

/**
 * Where load goes: a host (name or literal address, resolved when the run starts) and a TCP port.
 * Loupe speaks plain HTTP/1.1 only.
 *
 * @param host a host name, an IPv4 address, or an IPv6 address without brackets
 * @param port 1..65535
 */
public record LoadTarget(String host, int port) {
    public LoadTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: empty (expected: a host name or address)");
        }
        ArgumentChecks.inRange("port", port, 1, 65_535);
    }

    /** The {@code Host} header value: {@code host} or {@code host:port}, IPv6 addresses in brackets. */
    public String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == 80 ? h : h + ":" + port;
    }
}
