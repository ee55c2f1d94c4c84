package dev.loupe.engine.server;

import dev.loupe.engine.concurrency.ConcurrencyModel;
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

    /**
     * How this variant runs requests, which the findings' advice follows; a plug-in that says nothing
     * is {@link ConcurrencyModel#OTHER}.
     */
    default ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.OTHER;
    }

    /**
     * The {@code server.*} fields this variant reads from its {@link ServerConfig} ({@code threads},
     * {@code maxThreads}), with defaults and what they mean for this variant.
     */
    List<Tunable> tunables();

    /** The variant's own tunables, set as {@code server.options.NAME}; empty for a variant without. */
    default List<VariantOption> options() {
        return List.of();
    }

    /**
     * Checks {@code config} as {@link #start} would, binding nothing: the options this variant does
     * not take or whose values it refuses, and rules that relate its fields.
     *
     * @throws IllegalArgumentException naming the field, the value, what was expected and this variant
     */
    default void check(ServerConfig config) {
        config.checkOptions(name(), options());
    }

    /**
     * Binds, starts serving and returns once the listen socket accepts connections.
     *
     * @throws IOException when the address cannot be bound (a {@link java.net.BindException} when the
     *     port is in use)
     * @throws IllegalArgumentException when the configuration has an option or value this variant does
     *     not accept ({@link #check}); the message names the field, the value and what was expected
     */
    RunningServer start(ServerConfig config) throws IOException;
}
