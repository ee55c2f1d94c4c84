package dev.loupe.engine.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately simple HTTP/1.1 client over a raw socket, written independently of the server's
 * parser, so the conformance suite can send exactly the bytes it means (pipelined, malformed, slow)
 * and read exactly what came back. Every read is bounded.
 */
public final class RawClient implements AutoCloseable {
    /** The longest any single read waits: generous, as the machine is shared. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** One response as the client read it; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public RawClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        try {
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public static RawClient to(RunningServer server) throws IOException {
        return new RawClient(server.address());
    }

    /** A minimal valid GET for this path. */
    public static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: loupe-test\r\n\r\n";
    }

    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response with its Content-Length body. */
    public Response read() throws IOException {
        return read(false);
    }

    /** Reads one response to a HEAD request: Content-Length is there, the body is not. */
    public Response readHead() throws IOException {
        return read(true);
    }

    private Response read(boolean headRequest) throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int length = headRequest || status == 100 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of a response ('" + line + "')");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Whether the server closed the connection within the bound: the next read sees the end of the
     * stream (or a reset) and no further bytes. False if it is still open when the bound passes.
     *
     * @throws IOException if the server sent more bytes instead
     */
    public boolean closedByServer(Duration bound) throws IOException {
        socket.setSoTimeout((int) Math.max(1, bound.toMillis()));
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the connection to close, but the server sent more bytes");
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) { // "Connection reset": closed too, less politely
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
