package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void servesTheWorkloadUntilItsLifetimeEndsThenStops() {
        AtomicReference<RawClient.Response> seen = new AtomicReference<>();
        AtomicReference<String> url = new AtomicReference<>();
        ServeCommand serve = new ServeCommand((server, stop) -> {
            url.set(server.url());
            try (RawClient c = RawClient.to(server)) {
                seen.set(c.send(RawClient.get("/")).read());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stop.run();
            return ExitCodes.OK;
        });
        CliRun run = CliRun.of(serve, "virtual-threads", "--port", "0");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(seen.get().status()).isEqualTo(200);
        assertThat(seen.get().body()).isEqualTo("Hello, World!");
        assertThat(run.out()).isEqualTo("virtual-threads serving hello on " + url.get() + " (Ctrl+C to stop)\n"
                + "virtual-threads stopped\n");
        assertThat(url.get()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }

    @Test
    void anUnknownVariantIsBadInputNamingTheChoices() {
        CliRun run = CliRun.of("serve", "nope");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        String names = ServerVariants.all().stream().map(ServerVariant::name).collect(Collectors.joining(", "));
        assertThat(names).contains("virtual-threads");
        assertThat(run.err()).isEqualTo("loupe: VARIANT: unknown server variant 'nope' (expected one of: "
                + names + "); see: loupe variants\n");
    }

    @Test
    void aBadWorkloadIsBadInputNamingTheValueAndTheWorkloads() {
        CliRun run = CliRun.of("serve", "virtual-threads", "--port", "0", "--workload", "sleepy:3");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--workload: 'sleepy:3'").contains("hello").doesNotContain("Exception");
    }

    @Test
    void aPortInUseIsBadInputWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "virtual-threads", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).startsWith("loupe: --port: " + taken.getLocalPort() + " is already in use on 127.0.0.1")
                    .contains("--port 0");
        }
    }

    @Test
    void outOfRangeNumbersAreBadInput() {
        assertThat(CliRun.of("serve", "virtual-threads", "--port", "70000").err())
                .isEqualTo("loupe: --port: 70000 (expected: 0..65535, 0 = any free port)\n");
        CliRun threads = CliRun.of("serve", "virtual-threads", "--port", "0", "--threads", "-3");
        assertThat(threads.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(threads.err()).startsWith("loupe: --threads: -3 (expected: 0..");
        assertThat(CliRun.of("serve", "virtual-threads", "--port", "eighty").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void variantOptionsAndTheThreadCapReachTheVariant() {
        AtomicReference<RawClient.Response> seen = new AtomicReference<>();
        ServeCommand serve = new ServeCommand((server, stop) -> {
            try (RawClient c = RawClient.to(server)) {
                seen.set(c.send(RawClient.get("/")).read());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stop.run();
            return ExitCodes.OK;
        });
        CliRun run = CliRun.of(serve, "jdk-httpserver", "--port", "0", "-o", "executor=virtual", "--max-threads", "8");
        assertThat(run.err()).isEmpty();
        assertThat(seen.get().status()).isEqualTo(200);

        CliRun bad = CliRun.of("serve", "jdk-httpserver", "--port", "0", "--option", "executor=forkjoin");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).isEqualTo("loupe: server.options.executor: \"forkjoin\" (expected: one of fixed, virtual, cached, for jdk-httpserver)\n");
        CliRun unknown = CliRun.of("serve", "virtual-threads", "--port", "0", "-o", "queueCapacity=3");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).startsWith("loupe: server.options.queueCapacity: \"3\" (expected: an option of virtual-threads, which takes none)");
        assertThat(CliRun.of("serve", "accept-pool", "--port", "0", "--max-threads", "0").err())
                .isEqualTo("loupe: --max-threads: 0 (expected: 1..100000)\n");
    }

    @Test
    void helpExplainsEveryOptionAndNamesTheVariants() {
        CliRun run = CliRun.of("serve", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("VARIANT", "virtual-threads", "--port", "0 picks a free one", "--bind",
                "loopback", "--workload", "name[:parameter]", "--threads", "--max-threads", "--option", "Ctrl+C");
    }
}
