package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.nio.charset.StandardCharsets;

/** {@code hello}: the smallest useful answer, preallocated, so what is measured is the server itself. */
final class Hello implements Workload {
    /** The one response every request gets; encoded once, shared by every connection. */
    static final HttpResponse RESPONSE =
            HttpResponse.of(200, "text/plain", "Hello, World!".getBytes(StandardCharsets.US_ASCII));
    private static final RequestHandler HANDLER = request -> RESPONSE;

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String parameter() {
        return "none";
    }

    @Override
    public String defaultParameter() {
        return "-";
    }

    @Override
    public String description() {
        return "200 text/plain \"Hello, World!\", preallocated: the server's own cost";
    }

    @Override
    public RequestHandler handler(String parameter) {
        if (!parameter.isEmpty()) {
            throw new IllegalArgumentException("hello takes no parameter (expected: just 'hello')");
        }
        return HANDLER;
    }
}
