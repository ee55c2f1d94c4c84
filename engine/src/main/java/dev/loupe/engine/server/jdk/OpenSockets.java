package dev.loupe.engine.server.jdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Counts the connections the kernel holds open on a local port, for a server whose own bookkeeping
 * cannot be read (the JDK's HttpServer keeps its connections private). Reads Linux's {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}: sockets with that local port in state ESTABLISHED (which
 * includes connections still waiting in the accept backlog) or CLOSE_WAIT (the client has closed, the
 * server not yet). Stateless and thread-safe.
 */
final class OpenSockets {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";

    private OpenSockets() {}

    /** Open connections on the local port, or empty where {@code /proc/net/tcp} does not exist. */
    static OptionalInt onLocalPort(int port) {
        int count = 0;
        boolean readAny = false;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
                in.readLine(); // the column headings
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (matches(line, port)) {
                        count++;
                    }
                }
                readAny = true;
            } catch (IOException e) {
                // a table that vanished or cannot be read counts as empty
            }
        }
        return readAny ? OptionalInt.of(count) : OptionalInt.empty();
    }

    /** One table row: {@code sl local_address rem_address st ...}, addresses as {@code HEXADDR:HEXPORT}. */
    static boolean matches(String line, int port) {
        String[] columns = line.strip().split("\\s+", 5);
        if (columns.length < 4) {
            return false;
        }
        String local = columns[1];
        int colon = local.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            if (Integer.parseInt(local.substring(colon + 1), 16) != port) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return columns[3].equals(ESTABLISHED) || columns[3].equals(CLOSE_WAIT);
    }
}
