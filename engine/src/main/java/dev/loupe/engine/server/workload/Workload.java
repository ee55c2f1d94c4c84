package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.RequestHandler;

/**
 * One kind of work a server's handler can do per request, as {@code loupe variants} lists it and a
 * SPEC ({@code name[:parameter]}) names it. Implementations are stateless; each {@link #handler} call
 * makes a new handler (which may hold state, e.g. a queue).
 */
public interface Workload {

    /** The name in a SPEC, e.g. {@code sleep}. */
    String name();

    /** What the parameter means, with its unit and an example, or {@code none}. */
    String parameter();

    /** The parameter used when the SPEC gives none, or {@code -} when there is no parameter. */
    String defaultParameter();

    /** One line: what each request does, and what it shows. */
    String description();

    /**
     * A new handler for this parameter (the default when the SPEC gave none).
     *
     * @throws IllegalArgumentException when the parameter is not valid; the message says why and what
     *     was expected, without the field name (the caller adds it)
     */
    RequestHandler handler(String parameter);
}
