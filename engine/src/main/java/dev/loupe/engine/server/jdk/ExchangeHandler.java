package dev.loupe.engine.server.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.Headers;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.HttpVersion;
import dev.loupe.engine.server.http.HttpCore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Loupe's request handler for each JDK exchange: reads the body (within {@code bodyMaxBytes}, the
 * one Loupe limit applied here, so a huge body is not read into memory), calls the handler through the
 * {@link HttpCore} (a throw or a null becomes a 500), and writes the {@link HttpResponse} with the
 * exchange's own API. Everything else about the protocol is the JDK's. Called on the executor's threads.
 */
final class ExchangeHandler implements HttpHandler {
    private static final HttpResponse VERSION_NOT_SUPPORTED = HttpResponse.text(505,
            "505 HTTP Version Not Supported: the handler understands HTTP/1.0 and HTTP/1.1\n");

    /** The answer to an exchange the executor sheds (sent with {@code Connection: close}). */
    static final HttpResponse SERVICE_UNAVAILABLE = HttpResponse.text(503,
                    "503 Service Unavailable: the server is at its thread or queue limit; try again later\n")
            .withHeader("Retry-After", "1");

    private final HttpCore core;
    private final int bodyMaxBytes;
    private final HttpResponse bodyTooLarge;
    private final AtomicInteger inFlight = new AtomicInteger();

    ExchangeHandler(HttpCore core) {
        this.core = core;
        this.bodyMaxBytes = core.limits().bodyMaxBytes();
        this.bodyTooLarge = HttpResponse.text(413,
                "413 Content Too Large: the body is larger than " + bodyMaxBytes + " bytes\n");
    }

    /** Exchanges being handled now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            if (SheddingExecutor.shedding()) {
                send(exchange, SERVICE_UNAVAILABLE, true);
                return;
            }
            HttpVersion version = switch (exchange.getProtocol()) {
                case "HTTP/1.1" -> HttpVersion.HTTP_1_1;
                case "HTTP/1.0" -> HttpVersion.HTTP_1_0;
                default -> null;
            };
            if (version == null) {
                send(exchange, VERSION_NOT_SUPPORTED, true);
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                send(exchange, bodyTooLarge, true);
                return;
            }
            send(exchange, core.respond(new ExchangeRequest(exchange, version, body)), false);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The body, or null when it is declared or turns out larger than the limit. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > bodyMaxBytes) {
                    return null; // refuse before reading a byte of it
                }
            } catch (NumberFormatException e) {
                // the JDK has accepted it; let its own stream decide
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(bodyMaxBytes + 1);
        return body.length > bodyMaxBytes ? null : body;
    }

    private static void send(HttpExchange exchange, HttpResponse response, boolean close) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.forEachHeader(headers::add);
        if (close) {
            headers.set("Connection", "close"); // the JDK closes after a response that says so
        }
        int status = response.status();
        int length = response.bodyLength();
        if ("HEAD".equals(exchange.getRequestMethod())) {
            if (status != 204 && status != 304) {
                headers.set("Content-Length", Integer.toString(length)); // the JDK sends what is set for HEAD
            }
            exchange.sendResponseHeaders(status, -1);
        } else if (length == 0) {
            exchange.sendResponseHeaders(status, -1); // -1: no body, Content-Length: 0 (0 would mean chunked)
        } else {
            exchange.sendResponseHeaders(status, length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.bodyBytes());
            }
        }
    }
}
