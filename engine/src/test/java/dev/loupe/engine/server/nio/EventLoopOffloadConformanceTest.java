package dev.loupe.engine.server.nio;

import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;

class EventLoopOffloadConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("event-loop-offload");
    }
}
