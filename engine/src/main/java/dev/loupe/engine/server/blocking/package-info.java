/**
 * Variants that serve each connection with blocking socket I/O on one thread at a time, and the
 * transport they share: {@link dev.loupe.engine.server.blocking.BlockingServer} (listener, connection
 * registry, 503 at a limit, graceful stop) and {@link dev.loupe.engine.server.blocking.BlockingConnection}
 * (the per-connection request loop over the HTTP core). The variants differ only in their {@link
 * dev.loupe.engine.server.blocking.ThreadModel}: how a connection gets its thread, and where
 * dispatch-delay probes run. {@code virtual-threads}, {@code thread-per-connection} and {@code
 * fixed-pool} have one {@link dev.loupe.engine.server.blocking.Acceptor} thread and a {@link
 * dev.loupe.engine.server.blocking.ConnectionDispatcher}; {@code accept-pool} accepts on its serving
 * threads ({@link dev.loupe.engine.server.blocking.AcceptPool}). Only {@link java.util.ServiceLoader}
 * touches this package (through the variant classes, which are public for that reason); callers use
 * {@link dev.loupe.engine.server.ServerVariants}.
 */
package dev.loupe.engine.server.blocking;
