package dev.loupe.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable HTTP response: status, header fields and a body, with its status line and fields
 * encoded once at construction. Build a response once and return the same instance from every call
 * (as {@code hello} does) and answering costs only a copy of bytes.
 *
 * <p>The server adds {@code Date} and, when needed, {@code Connection}; {@code Content-Length} is
 * always derived from the body (and left out for 204 and 304, which have none), so those names cannot
 * be set here.
 */
public final class HttpResponse {
    /** The content type of {@link #text}: plain text in UTF-8. */
    public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";

    private static final Set<String> SET_BY_SERVER =
            Set.of("content-length", "transfer-encoding", "connection", "date", "keep-alive");
    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final List<Field> fields;
    private final byte[] body;
    private final byte[] statusLine;
    private final byte[] encodedFields;

    private record Field(String name, String value) {}

    private HttpResponse(int status, List<Field> fields, byte[] body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status: " + status + " (expected: 200..599)");
        }
        if (!hasBody(status) && body.length > 0) {
            throw new IllegalArgumentException(
                    "body: " + body.length + " bytes (expected: none for status " + status + ")");
        }
        this.status = status;
        this.fields = List.copyOf(fields);
        this.body = body;
        this.statusLine = ascii("HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\n");
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            sb.append(f.name).append(": ").append(f.value).append("\r\n");
        }
        if (hasBody(status)) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        this.encodedFields = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A response with a body of this content type; the bytes are copied. */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        HttpResponse plain = new HttpResponse(status, List.of(), body.clone());
        return plain.withHeader("Content-Type", contentType);
    }

    /** A {@code text/plain; charset=utf-8} response. */
    public static HttpResponse text(int status, String text) {
        return of(status, TEXT_PLAIN_UTF8, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body ({@code Content-Length: 0}, or none at all for 204 and 304). */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, List.of(), NO_BODY);
    }

    /**
     * This response with one more header field.
     *
     * @throws IllegalArgumentException for a name that is not an HTTP token, a value with control
     *     characters (which would split the response), or a field the server sets itself
     */
    public HttpResponse withHeader(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(HttpResponse::isTokenChar)) {
            throw new IllegalArgumentException("header name: '" + name + "' (expected: an HTTP token)");
        }
        if (SET_BY_SERVER.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header name: '" + name + "' (expected: a field the server does"
                    + " not set itself; it sets " + String.join(", ", SET_BY_SERVER.stream().sorted().toList()) + ")");
        }
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff))) {
            throw new IllegalArgumentException("header " + name + ": value contains a control or non-Latin-1"
                    + " character (expected: visible characters, spaces and tabs)");
        }
        List<Field> more = new ArrayList<>(fields);
        more.add(new Field(name, value.strip()));
        return new HttpResponse(status, more, body);
    }

    public int status() {
        return status;
    }

    /** The reason phrase sent with the status, e.g. {@code OK}. */
    public String reason() {
        return reasonPhrase(status);
    }

    /** The first header field with this name (any case) that the response carries itself. */
    public Optional<String> header(String name) {
        return fields.stream().filter(f -> f.name.equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /**
     * Calls the action with each header field the response carries itself, in order (not {@code
     * Date}, {@code Connection} or {@code Content-Length}, which the server adds), for a server that
     * writes its own head.
     */
    public void forEachHeader(BiConsumer<String, String> action) {
        for (Field f : fields) {
            action.accept(f.name, f.value);
        }
    }

    public int bodyLength() {
        return body.length;
    }

    /** A copy of the body. */
    public byte[] bodyBytes() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    // ---- for server cores: the encoded parts, copied into an output buffer ----

    /** Bytes of the status line and the response's own fields (without Date, Connection and the blank line). */
    public int encodedHeadLength() {
        return statusLine.length + encodedFields.length;
    }

    /** Puts {@code HTTP/1.1 200 OK\r\n}; the buffer must have room. */
    public void putStatusLine(ByteBuffer out) {
        out.put(statusLine);
    }

    /** Puts the response's own fields, each ending in CRLF; the buffer must have room. */
    public void putFields(ByteBuffer out) {
        out.put(encodedFields);
    }

    /**
     * Puts as much of the body, from byte {@code from} on, as the buffer has room for.
     *
     * @return how many bytes were put
     */
    public int putBody(int from, ByteBuffer out) {
        int n = Math.min(body.length - from, out.remaining());
        out.put(body, from, n);
        return n;
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + " " + reason() + ", " + body.length + " body bytes]";
    }

    /** False for statuses that never carry a body or Content-Length (RFC 9110: 204, 304). */
    static boolean hasBody(int status) {
        return status != 204 && status != 304;
    }

    /** The reason phrase of RFC 9110 for a status, or an empty string for one it does not name. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
