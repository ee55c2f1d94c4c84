package dev.loupe.engine.server.http;

import dev.loupe.engine.server.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response's head into an output buffer: status line, {@code Date}, {@code Connection} when
 * needed, the response's own fields (with {@code Content-Length}) and the blank line. Stateless apart
 * from the shared {@link HttpDate}, so one encoder serves every connection of a server.
 */
public final class ResponseEncoder {
    private static final byte[] DATE = ascii("Date: ");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final int EXTRA_BYTES = DATE.length + HttpDate.LENGTH + CRLF.length
            + Math.max(CONNECTION_CLOSE.length, CONNECTION_KEEP_ALIVE.length) + CRLF.length;
    /** The interim answer to {@code Expect: 100-continue}. */
    public static final byte[] CONTINUE_100 = ascii("HTTP/1.1 100 Continue\r\n\r\n");

    private final HttpDate date;

    public ResponseEncoder(HttpDate date) {
        this.date = date;
    }

    /** The most bytes {@link #putHead} writes for this response. */
    public int maxHeadLength(HttpResponse response) {
        return response.encodedHeadLength() + EXTRA_BYTES;
    }

    /** Puts the head; the buffer must have {@link #maxHeadLength} bytes of room. The body follows it. */
    public void putHead(HttpResponse response, Persistence persistence, ByteBuffer out) {
        response.putStatusLine(out);
        out.put(DATE).put(date.current()).put(CRLF);
        switch (persistence) {
            case CLOSE -> out.put(CONNECTION_CLOSE);
            case KEEP_ALIVE_1_0 -> out.put(CONNECTION_KEEP_ALIVE);
            case KEEP_ALIVE -> { }
        }
        response.putFields(out);
        out.put(CRLF);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
