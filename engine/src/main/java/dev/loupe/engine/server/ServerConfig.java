package dev.loupe.engine.server;

import java.net.InetAddress;

/**
 * What a variant needs to start: where to listen and how many threads or loops to use.
 *
 * @param bindAddress the address to bind; loopback unless the user names another
 * @param port the port, 0 for any free one
 * @param threads pool size, loop count or standby count, depending on the variant
 */
public record ServerConfig(InetAddress bindAddress, int port, int threads) {}
