package dev.loupe.engine.server.jdk;

import dev.loupe.engine.server.ServerConformanceSuite;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import java.util.List;

/** The reference Loupe did not write runs the core of the suite (see its class comment). */
class JdkHttpServerConformanceTest extends ServerConformanceSuite {
    @Override
    protected ServerVariant variant() {
        return ServerVariants.byName("jdk-httpserver");
    }

    @Override
    protected boolean strict() {
        return false;
    }

    @Override
    protected List<String> serverThreadPrefixes() { // the JDK names its selector and timer threads itself
        return List.of(ServerThreads.PREFIX, "HTTP-Dispatcher", "idle-timeout-task");
    }
}
