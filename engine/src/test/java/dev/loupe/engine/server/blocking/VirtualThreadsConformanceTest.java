package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;

class VirtualThreadsConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("virtual-threads");
    }
}
