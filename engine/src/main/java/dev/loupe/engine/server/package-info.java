/**
 * The servers under test, as their callers see them: the {@link
 * dev.loupe.engine.server.ServerVariant} service interface and {@link
 * dev.loupe.engine.server.ServerVariants} to find one, the {@link dev.loupe.engine.server.ServerConfig}
 * it starts from (with every HTTP bound in {@link dev.loupe.engine.server.HttpLimits}), the {@link
 * dev.loupe.engine.server.RunningServer} it returns, and the handler contract workloads implement
 * ({@link dev.loupe.engine.server.RequestHandler}, {@link dev.loupe.engine.server.HttpRequest}, {@link
 * dev.loupe.engine.server.HttpResponse}). Anyone may call it. It depends on none of its sub-packages:
 * {@code http} (the shared HTTP/1.1 core), {@code blocking} (blocking-socket variants), {@code
 * jdk} (the JDK's own HttpServer behind the same handler contract) and {@code workload} (the
 * handlers) build on it.
 */
package dev.loupe.engine.server;
