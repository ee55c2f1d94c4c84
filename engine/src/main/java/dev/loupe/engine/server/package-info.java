/**
 * The servers under test: the {@link dev.loupe.engine.server.ServerVariant} service interface, the
 * HTTP/1.1 core the hand-written variants share, the variants themselves and the workloads their
 * handlers run. Callers start a variant through {@link dev.loupe.engine.server.ServerVariants}.
 */
package dev.loupe.engine.server;
