/**
 * The HTTP/1.1 core every hand-written variant shares, transport-neutral so blocking sockets and NIO
 * selector loops use the same code: the incremental {@link dev.loupe.engine.server.http.RequestParser}
 * (bytes from a {@link java.nio.ByteBuffer} in, requests out), the {@link
 * dev.loupe.engine.server.http.ResponseEncoder} with its once-a-second {@link
 * dev.loupe.engine.server.http.HttpDate}, the keep-alive rule ({@link
 * dev.loupe.engine.server.http.Persistence}) and the {@link
 * dev.loupe.engine.server.http.ConnectionRegistry} behind graceful stop. Only variant implementations
 * (the sibling transport packages) call it; everyone else goes through {@link
 * dev.loupe.engine.server.ServerVariants}. It depends on the server API package and nothing else.
 */
package dev.loupe.engine.server.http;
