package dev.loupe.engine.server.jdk;

import com.sun.net.httpserver.HttpExchange;
import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link HttpExchange} as a {@link dev.loupe.engine.server.RequestHandler}'s {@link HttpRequest}, with the body already read.
 * What the JDK server does not keep is not invented: header names come as the JDK normalizes them
 * ({@code Content-type}), grouped by name rather than in the order sent, and trailers are never
 * seen (the JDK decodes a chunked body and drops them). Confined to the exchange's thread.
 */
final class ExchangeRequest implements HttpRequest {
    private final HttpExchange exchange;
    private final HttpVersion version;
    private final byte[] body;
    private List<String> names;
    private List<String> values;

    ExchangeRequest(HttpExchange exchange, HttpVersion version, byte[] body) {
        this.exchange = exchange;
        this.version = version;
        this.body = body;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String target() {
        return exchange.getRequestURI().toString(); // the JDK parses the target as sent; toString gives it back
    }

    @Override
    public HttpVersion version() {
        return version;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).map(String::strip);
    }

    @Override
    public int headerCount() {
        flatten();
        return names.size();
    }

    @Override
    public String headerName(int index) {
        flatten();
        checkIndex(index);
        return names.get(index);
    }

    @Override
    public String headerValue(int index) {
        flatten();
        checkIndex(index);
        return values.get(index);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= names.size()) {
            throw new IndexOutOfBoundsException("header " + index + " (the request has " + names.size() + ")");
        }
    }

    /** One entry per header value, made on first use. */
    private void flatten() {
        if (names != null) {
            return;
        }
        names = new ArrayList<>();
        values = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : exchange.getRequestHeaders().entrySet()) {
            for (String value : field.getValue()) {
                names.add(field.getKey());
                values.add(value.strip());
            }
        }
    }

    @Override
    public Optional<String> trailer(String name) {
        return Optional.empty();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return method() + " " + target() + " " + version.text();
    }
}
