package dev.loupe.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static final RequestHandler HANDLER = r -> HttpResponse.empty(200);

    @Test
    void defaultsAreLoopbackAnyPortVariantThreadsAndDocumentedLimits() {
        ServerConfig c = ServerConfig.of(HANDLER);
        assertThat(c.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(c.port()).isZero();
        assertThat(c.threads()).isZero();
        assertThat(c.threadsOr(4)).isEqualTo(4);
        assertThat(c.withThreads(2).threadsOr(4)).isEqualTo(2);
        assertThat(c.maxThreads()).isEqualTo(256);
        assertThat(c.withMaxThreads(8).maxThreads()).isEqualTo(8);
        assertThat(c.limits()).isEqualTo(HttpLimits.DEFAULTS);
        assertThat(c.options()).isEmpty();
    }

    @Test
    void theDocumentedDefaults() {
        HttpLimits d = HttpLimits.DEFAULTS;
        assertThat(d.requestLineMaxBytes()).isEqualTo(8 * 1024);
        assertThat(d.headerSectionMaxBytes()).isEqualTo(16 * 1024);
        assertThat(d.bodyMaxBytes()).isEqualTo(1024 * 1024);
        assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.gracefulStopTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(HttpLimits.tunables()).extracting(Tunable::name)
                .containsExactly("server.maxRequestLineBytes", "server.maxHeaderBytes", "server.maxBodyBytes", "server.keepAliveIdle",
                        "server.headerReadTimeout", "server.gracefulStop", "lingerTimeout", "acceptBacklog");
        assertThat(HttpLimits.tunables()).extracting(Tunable::defaultValue)
                .containsExactly("8KiB", "16KiB", "1MiB", "30s", "10s", "5s", "2s", "1024");
    }

    @Test
    void messagesNameTheFieldTheValueAndTheRule() {
        ServerConfig c = ServerConfig.of(HANDLER);
        assertThatThrownBy(() -> c.withPort(70000)).hasMessage("server.port: 70000 (expected: 0..65535)");
        assertThatThrownBy(() -> c.withThreads(-1)).hasMessage("server.threads: -1 (expected: 0..10000)");
        assertThatThrownBy(() -> c.withMaxThreads(0)).hasMessage("server.maxThreads: 0 (expected: 1..100000)");
        assertThatThrownBy(() -> c.withHandler(null))
                .hasMessage("server.workload: missing (expected: a request handler)");
        assertThatThrownBy(() -> HttpLimits.DEFAULTS.withHeaderReadTimeout(Duration.ofSeconds(-1)))
                .hasMessage("server.headerReadTimeout: PT-1S (expected: 1ms..10m)");
        assertThatThrownBy(() -> HttpLimits.DEFAULTS.withIdleTimeout(Duration.ZERO))
                .hasMessage("server.keepAliveIdle: 0s (expected: 1ms..1h)");
        assertThatThrownBy(() -> HttpLimits.DEFAULTS.withRequestLineMaxBytes(10))
                .hasMessage("server.maxRequestLineBytes: 10 (expected: 64..1048576)");
    }

    @Test
    void variantOptionsAreCheckedByTheVariant() {
        VariantOption cap = VariantOption.wholeNumber("cap", "256", 1, 4096, "a cap");
        ServerConfig c = ServerConfig.of(HANDLER).withOption("cap", " 12 ");
        assertThat(cap.intValue("capped", c, 256)).isEqualTo(12);
        assertThat(VariantOption.wholeNumber("other", "7", 1, 10, "").intValue("capped", c, 7)).isEqualTo(7);
        assertThatThrownBy(() -> cap.intValue("capped", c.withOption("cap", "lots"), 256))
                .hasMessage("server.options.cap: \"lots\" (expected: a whole number 1..4096, for capped)");
        assertThatThrownBy(() -> cap.intValue("capped", c.withOption("cap", "0"), 256))
                .hasMessage("server.options.cap: \"0\" (expected: a whole number 1..4096, for capped)");
        c.checkOptions("capped", List.of(cap));
        assertThatThrownBy(() -> c.checkOptions("virtual-threads", List.of()))
                .hasMessage("server.options.cap: \" 12 \" (expected: an option of virtual-threads, which takes none)");
        VariantOption executor = VariantOption.oneOf("executor", "fixed", List.of("fixed", "virtual"), "");
        assertThatThrownBy(() -> c.withOption("executor", "x").checkOptions("jdk", List.of(cap, executor)))
                .hasMessage("server.options.executor: \"x\" (expected: one of fixed, virtual, for jdk)");
        assertThatThrownBy(() -> c.withOption("exe", "x").checkOptions("jdk", List.of(cap, executor)))
                .hasMessage("server.options.exe: \"x\" (expected: an option of jdk, one of cap, executor)");
    }
}
