package dev.loupe.engine.server.nio;

import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;

class EventLoopConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("event-loop");
    }

    /**
     * Four loops: the graceful-stop case blocks three handlers and serves a fourth connection, and a
     * handler blocks its whole loop here. Connections go to loops round-robin in accept order, so
     * each of the four lands on a loop of its own.
     */
    @Override
    protected ServerConfig config(RequestHandler handler) {
        return super.config(handler).withThreads(4);
    }
}
