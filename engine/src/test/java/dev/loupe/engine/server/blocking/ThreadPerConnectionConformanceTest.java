package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;

class ThreadPerConnectionConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("thread-per-connection");
    }

    @Override
    protected ServerConfig config(RequestHandler handler) {
        return super.config(handler).withMaxThreads(2048); // the suite opens 1000 connections at once
    }
}
