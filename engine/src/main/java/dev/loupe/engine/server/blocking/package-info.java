/**
 * Variants that serve each connection with blocking socket I/O on one thread at a time, and the
 * transport they share: {@link dev.loupe.engine.server.blocking.BlockingServer} (listener, acceptor,
 * graceful stop) and {@link dev.loupe.engine.server.blocking.BlockingConnection} (the per-connection
 * request loop over the HTTP core). The variants differ only in how a connection gets its thread.
 * Only {@link java.util.ServiceLoader} touches this package (through the variant classes, which are
 * public for that reason); callers use {@link dev.loupe.engine.server.ServerVariants}.
 */
package dev.loupe.engine.server.blocking;
