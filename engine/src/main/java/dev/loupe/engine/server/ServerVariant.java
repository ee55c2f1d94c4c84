package dev.loupe.engine.server;

import java.io.IOException;
import java.util.List;

/**
 * A concurrency model for an HTTP/1.1 server: the service interface behind every variant Loupe can
 * start. Implementations are found with {@link java.util.ServiceLoader}, so a jar on the class path
 * that lists its class in {@code META-INF/services/dev.loupe.engine.server.ServerVariant} adds a
 * variant. Implementations must be stateless and thread-safe; each {@link #start} makes a new server.
 */
public interface ServerVariant {

    /** The name used in scenario files and on the command line, e.g. {@code virtual-threads}. */
    String name();

    /** One line saying what the variant does and what it teaches. */
    String description();

    /** The knobs this variant reads from its {@link ServerConfig}, with defaults and meaning. */
    List<Tunable> tunables();

    /**
     * Binds, starts serving and returns once the listen socket accepts connections.
     *
     * @throws IOException when the address cannot be bound (a {@link java.net.BindException} when the
     *     port is in use)
     * @throws IllegalArgumentException when the configuration has an option or value this variant does
     *     not accept; the message names the field, the value and what was expected
     */
    RunningServer start(ServerConfig config) throws IOException;
}
