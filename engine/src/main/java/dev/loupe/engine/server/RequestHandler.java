package dev.loupe.engine.server;

/**
 * What a server does with each request: the workload. One handler serves every connection of a
 * server, so it is called from many threads at once and must be thread-safe.
 *
 * <p>A handler that throws is answered {@code 500} and the connection stays usable; the server
 * carries on. A handler that should be fast (e.g. {@code hello}) returns a preallocated {@link
 * HttpResponse}, which costs nothing per request.
 */
@FunctionalInterface
public interface RequestHandler {

    /**
     * Answers one request. The request is only valid during this call (the connection reuses its
     * storage for the next request): copy what must outlive it.
     */
    HttpResponse handle(HttpRequest request) throws Exception;
}
