/**
 * The NIO variants, {@code event-loop} (handlers on the loop threads) and {@code event-loop-offload}
 * (handlers on a worker pool), and the selector transport they share: {@link
 * dev.loupe.engine.server.nio.NioServer} (listener, acceptor thread, loops, graceful stop), {@link
 * dev.loupe.engine.server.nio.EventLoop} (one selector thread that owns its connections for life, with
 * a task queue and a {@link dev.loupe.engine.server.nio.LoopTimer} for every deadline) and {@link
 * dev.loupe.engine.server.nio.NioConnection} (one connection's non-blocking request loop over the
 * shared HTTP core). Each loop and the worker pool are {@link dev.loupe.engine.concurrency.DispatchTarget}s,
 * so telemetry can measure how late a loop runs its work. Only {@link java.util.ServiceLoader} touches
 * this package (through the variant classes, public for that reason); callers use {@link
 * dev.loupe.engine.server.ServerVariants}. It builds on the server API and the {@code http} core.
 */
package dev.loupe.engine.server.nio;
