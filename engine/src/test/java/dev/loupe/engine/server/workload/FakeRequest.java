package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A request made in memory, for calling a handler directly: method, target and body, no headers. */
record FakeRequest(String method, String target, byte[] bodyBytes) implements HttpRequest {

    static FakeRequest get(String target) {
        return new FakeRequest("GET", target, new byte[0]);
    }

    static FakeRequest post(String target, String body) {
        return new FakeRequest("POST", target, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public HttpVersion version() {
        return HttpVersion.HTTP_1_1;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.empty();
    }

    @Override
    public int headerCount() {
        return 0;
    }

    @Override
    public String headerName(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public String headerValue(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public Optional<String> trailer(String name) {
        return Optional.empty();
    }

    @Override
    public int bodyLength() {
        return bodyBytes.length;
    }

    @Override
    public ByteBuffer body() {
        return ByteBuffer.wrap(bodyBytes).asReadOnlyBuffer();
    }
}
