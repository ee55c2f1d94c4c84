package dev.loupe.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One parsed HTTP/1.1 request, as a {@link RequestHandler} sees it. Implementations are views over
 * the connection's buffers: valid only while the handler runs, and strings are made only when asked
 * for. Header names compare case-insensitively.
 */
public interface HttpRequest {

    /** The method, e.g. {@code GET} (case-sensitive, as sent). */
    String method();

    /** The request target as sent, e.g. {@code /json/100?x=1}. */
    String target();

    /** The target up to (not including) {@code ?}. */
    default String path() {
        String target = target();
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    HttpVersion version();

    /** The first header with this name (any case), without surrounding whitespace. */
    Optional<String> header(String name);

    /** How many header fields the request has (trailers not included). */
    int headerCount();

    /** The name of header {@code index}, as sent. */
    String headerName(int index);

    /** The value of header {@code index}, without surrounding whitespace. */
    String headerValue(int index);

    /** The first trailer field (after a chunked body) with this name, any case. */
    Optional<String> trailer(String name);

    /** The body's length in bytes after chunked decoding; 0 when there is none. */
    int bodyLength();

    /** The body as a read-only view, valid only during the handler call. */
    ByteBuffer body();

    /** The body decoded as UTF-8. */
    default String bodyText() {
        return StandardCharsets.UTF_8.decode(body()).toString();
    }
}
