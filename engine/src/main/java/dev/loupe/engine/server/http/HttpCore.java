package dev.loupe.engine.server.http;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every connection of one server shares, whatever its transport: the handler, the limits, the
 * encoder with its cached {@code Date}, and the rule that a failing handler costs one 500, never the
 * connection or the server. Thread-safe.
 */
public final class HttpCore {
    private static final System.Logger LOG = System.getLogger(HttpCore.class.getName());
    private static final HttpResponse HANDLER_FAILED =
            HttpResponse.text(500, "500 Internal Server Error: the request handler failed\n");
    private static final HttpResponse HANDLER_RETURNED_NULL =
            HttpResponse.text(500, "500 Internal Server Error: the request handler returned no response\n");
    private static final HttpResponse REQUEST_TIMEOUT =
            HttpResponse.text(408, "408 Request Timeout: the request did not arrive in time\n");

    private final RequestHandler handler;
    private final HttpLimits limits;
    private final ResponseEncoder encoder;
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();

    private HttpCore(RequestHandler handler, HttpLimits limits, ResponseEncoder encoder) {
        this.handler = handler;
        this.limits = limits;
        this.encoder = encoder;
    }

    public static HttpCore of(ServerConfig config) {
        return new HttpCore(config.handler(), config.limits(), new ResponseEncoder(new HttpDate(config.clock())));
    }

    public HttpLimits limits() {
        return limits;
    }

    public ResponseEncoder encoder() {
        return encoder;
    }

    /** A parser for a new connection. */
    public RequestParser newParser() {
        return new RequestParser(limits);
    }

    /** Runs the handler; a throw or a null becomes a 500 that keeps the connection usable. */
    public HttpResponse respond(HttpRequest request) {
        try {
            HttpResponse response = handler.handle(request);
            if (response == null) {
                handlerFailures.increment();
                return HANDLER_RETURNED_NULL;
            }
            return response;
        } catch (Exception | StackOverflowError e) {
            handlerFailures.increment();
            return HANDLER_FAILED;
        }
    }

    /** The answer to a refused request: its status and the reason, in words. */
    public HttpResponse refusal(HttpParseException refused) {
        int status = refused.status();
        return HttpResponse.text(status, status + " " + HttpResponse.reasonPhrase(status) + ": " + refused.getMessage() + "\n");
    }

    /** The answer when a request's headers (or a body's next bytes) did not arrive in time. */
    public HttpResponse requestTimeout() {
        return REQUEST_TIMEOUT;
    }

    /** Handler calls that threw or returned null, answered 500. */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Failures inside the server itself (bugs), each of which closed one connection. */
    public long internalErrors() {
        return internalErrors.sum();
    }

    /**
     * Records a failure inside the server (not the client's doing, not the handler's): the caller
     * closes that one connection and the server carries on.
     */
    public void internalError(Throwable t) {
        internalErrors.increment();
        LOG.log(System.Logger.Level.WARNING, "loupe server: a connection failed inside the server", t);
    }
}
