package dev.loupe.engine.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A blocking loopback test server whose behaviour per connection is a lambda, for misbehaving on
 * purpose: reset mid-response, send garbage, never answer, answer 500. One virtual thread per
 * connection; {@link #close()} closes every socket.
 */
final class ScriptedServer implements AutoCloseable {
    /** What to do with one accepted connection; return to close it. */
    @FunctionalInterface
    interface Behavior {
        void handle(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request as the server read it. */
    record Request(String requestLine, List<String> headers, byte[] body) {
        String path() {
            return requestLine.split(" ")[1];
        }

        String header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket server;
    private final Behavior behavior;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    ScriptedServer(Behavior behavior) throws IOException {
        this.behavior = behavior;
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("scripted-server").start(this::acceptLoop);
    }

    /** A server that answers every request on a connection with {@code response}, keeping it open. */
    static ScriptedServer answering(String response) throws IOException {
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        ScriptedServer[] self = new ScriptedServer[1];
        self[0] = new ScriptedServer((socket, in, out) -> {
            Request r;
            while ((r = readRequest(in)) != null) {
                self[0].requests.add(r);
                out.write(bytes);
                out.flush();
            }
        });
        return self[0];
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                sockets.add(s);
                Thread.ofVirtual().start(() -> {
                    try (s) {
                        behavior.handle(s, s.getInputStream(), s.getOutputStream());
                    } catch (IOException | InterruptedException e) {
                        // the client went away, or the test ended
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads one request (headers and a Content-Length body), or null at end of stream. */
    static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int match = 0;
        while (match < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            match = (b == (match % 2 == 0 ? '\r' : '\n')) ? match + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String> headers = List.of(lines).subList(1, lines.length);
        int length = 0;
        for (String h : headers) {
            if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Request(lines[0], headers, body);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
