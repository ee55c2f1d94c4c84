package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;

class FixedPoolConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("fixed-pool");
    }

    @Override
    protected ServerConfig config(RequestHandler handler) {
        // A worker holds a kept-alive connection for its life: the suite keeps up to 21 open at once.
        return super.config(handler).withThreads(32);
    }
}
