package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadsTest {
    private static final String NAMES = "hello, sleep, cpu, alloc, queue, contended, pinned, leak, fail";

    @Test
    void helloAnswersThePreallocatedGreeting() throws Exception {
        ConfiguredWorkload spec = Workloads.parse("hello", "--workload");
        assertThat(spec.text()).isEqualTo("hello");
        HttpResponse first = spec.newHandler().handle(null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).contains("text/plain");
        assertThat(first.bodyText()).isEqualTo("Hello, World!");
        assertThat(spec.newHandler().handle(null)).as("no allocation per request").isSameAs(first);
    }

    @Test
    void everyWorkloadExplainsItself() {
        assertThat(Workloads.names()).isEqualTo(NAMES);
        assertThat(Workloads.all()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.name()).matches("[a-z][a-z-]*");
            assertThat(w.parameter()).isNotBlank();
            assertThat(w.defaultParameter()).isNotBlank();
            assertThat(w.description()).isNotBlank().doesNotContain("\n").hasSizeLessThan(140);
        });
        assertThat(Workloads.DEFAULT_SPEC).isEqualTo("hello");
    }

    @Test
    void aSpecWithoutParameterGetsTheDefault() {
        List<String> specs = Workloads.all().stream().map(w -> Workloads.parse(w.name(), "--workload").text()).toList();
        assertThat(specs).containsExactly("hello", "sleep:1ms", "cpu:50us", "alloc:16KiB", "queue:concurrent",
                "contended:200us", "pinned:5ms", "leak:1KiB", "fail:10%");
    }

    @Test
    void eachCallMakesANewHandlerWithItsOwnState() {
        ConfiguredWorkload queue = Workloads.parse("queue:atom", "--workload");
        RequestHandler first = queue.newHandler();
        assertThat(queue.newHandler()).isNotSameAs(first);
        assertThat(WorkloadStats.of(first)).containsEntry("queued", 0L);
        assertThat(WorkloadStats.of(Workloads.parse("sleep", "--workload").newHandler()))
                .as("a handler without counters").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sleep:100us     | slept 100us
            sleep:1.5ms     | slept 1500us
            cpu:20us        | computed 20us
            alloc:1MiB      | allocated 1MiB
            alloc:100B      | allocated 100B
            contended:10us  | held the lock 10us
            pinned:1ms      | slept 1ms in a native upcall
            leak:2KiB       | kept 2KiB
            fail:0%         | passed (fail:0%)
            """)
    void goodParametersAreUsed(String spec, String answer) throws Exception {
        HttpResponse response = Workloads.parse(spec, "--workload").newHandler().handle(FakeRequest.get("/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(answer + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sleep:0ms       | sleep time '0ms' (expected: 1us..10s)
            sleep:1         | sleep time '1' (expected: a duration with a unit, 1us..10s, e.g. 100us or 1ms; units: ns, us, ms, s)
            cpu:20s         | cpu time '20s' (expected: 1us..10s)
            alloc:16KB      | allocation size '16KB' (expected: a whole number and a unit B, KiB, MiB or GiB (1KiB = 1024 bytes), 1B..64MiB, e.g. 16KiB)
            alloc:128MiB    | allocation size '128MiB' (expected: 1B..64MiB)
            queue:lock      | queue implementation 'lock' (expected: locked, concurrent or atom)
            contended:-1ms  | lock hold time '-1ms' (expected: a duration with a unit, 1us..10s, e.g. 100us or 1ms; units: ns, us, ms, s)
            pinned:0s       | pinned sleep time '0s' (expected: 1us..10s)
            leak:2MiB       | retained size '2MiB' (expected: 1B..1MiB)
            fail:10         | failure share '10' (expected: a percentage 0%..100% with the percent sign, e.g. 10% or 0.5%)
            fail:101%       | failure share '101%' (expected: 0%..100%)
            """)
    void badParametersNameTheSpecTheValueAndTheRule(String spec, String message) {
        assertThatThrownBy(() -> Workloads.parse(spec, "--workload"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--workload: '" + spec + "': " + message);
    }

    @Test
    void badSpecsNameTheValueAndTheKnownWorkloads() {
        assertThatThrownBy(() -> Workloads.parse("nope", "--workload"))
                .hasMessage("--workload: 'nope' names no known workload (expected: name[:parameter], name one of: "
                        + NAMES + ")");
        assertThatThrownBy(() -> Workloads.parse("", "server.workload"))
                .hasMessage("server.workload: empty (expected: name[:parameter], name one of: " + NAMES + ")");
        assertThatThrownBy(() -> Workloads.parse("hello:3", "--workload"))
                .hasMessage("--workload: 'hello:3': hello takes no parameter (expected: just 'hello')");
        assertThatThrownBy(() -> Workloads.parse("hello:", "--workload"))
                .hasMessage("--workload: 'hello:' has an empty parameter (expected: hello or hello:<none>)");
        assertThatThrownBy(() -> Workloads.parse("sleep:", "--workload"))
                .hasMessage("--workload: 'sleep:' has an empty parameter (expected: sleep or sleep:<DURATION>)");
    }

    @Test
    void pinnedRefusesToStartWithoutNativeAccess() {
        assertThat(Pinned.class.getModule().isNativeAccessEnabled()).as("surefire enables ALL-UNNAMED").isTrue();
        Pinned.requireNativeAccess(Pinned.class.getModule());
        // A module the JVM gives no native access, as our unnamed module is when the flag is missing.
        Module withoutAccess = ModuleLayer.boot().findModule("java.logging").orElseThrow();
        assertThat(withoutAccess.isNativeAccessEnabled()).as("control: this module may not").isFalse();
        assertThatThrownBy(() -> Pinned.requireNativeAccess(withoutAccess))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pinned calls C's qsort through the foreign function API, and native access is not"
                        + " enabled (expected: a JVM started with --enable-native-access=ALL-UNNAMED, as ./loupe"
                        + " does)");
    }
}
