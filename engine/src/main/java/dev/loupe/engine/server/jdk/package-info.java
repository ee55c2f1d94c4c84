/**
 * The reference variant Loupe did not write: the JDK's own {@code com.sun.net.httpserver.HttpServer}
 * running the same {@link dev.loupe.engine.server.RequestHandler} as every other variant, through a
 * thin adapter from {@code HttpExchange} to {@link dev.loupe.engine.server.HttpRequest}. Its protocol
 * behaviour, limits and timeouts are the JDK's (JVM-wide system properties), not Loupe's {@link
 * dev.loupe.engine.server.HttpLimits}, so it passes the core of the conformance suite, not the strict
 * part. It uses the HTTP core only for the rule that a failing handler is answered 500. Only {@link
 * java.util.ServiceLoader} touches this package (through the public variant class); callers use {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
package dev.loupe.engine.server.jdk;
