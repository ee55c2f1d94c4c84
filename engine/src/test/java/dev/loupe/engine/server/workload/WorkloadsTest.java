package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.server.HttpResponse;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void helloAnswersThePreallocatedGreeting() throws Exception {
        WorkloadSpec spec = Workloads.parse("hello", "--workload");
        assertThat(spec.text()).isEqualTo("hello");
        HttpResponse first = spec.newHandler().handle(null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).contains("text/plain");
        assertThat(first.bodyText()).isEqualTo("Hello, World!");
        assertThat(spec.newHandler().handle(null)).as("no allocation per request").isSameAs(first);
    }

    @Test
    void everyWorkloadExplainsItself() {
        assertThat(Workloads.all()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.name()).matches("[a-z][a-z-]*");
            assertThat(w.parameter()).isNotBlank();
            assertThat(w.defaultParameter()).isNotBlank();
            assertThat(w.description()).isNotBlank().doesNotContain("\n");
        });
        assertThat(Workloads.DEFAULT_SPEC).isEqualTo("hello");
    }

    @Test
    void badSpecsNameTheValueAndTheKnownWorkloads() {
        assertThatThrownBy(() -> Workloads.parse("nope", "--workload"))
                .hasMessage("--workload: 'nope' names no known workload (expected: name[:parameter], name one of: hello)");
        assertThatThrownBy(() -> Workloads.parse("", "server.workload"))
                .hasMessage("server.workload: empty (expected: name[:parameter], name one of: hello)");
        assertThatThrownBy(() -> Workloads.parse("hello:3", "--workload"))
                .hasMessage("--workload: 'hello:3': hello takes no parameter (expected: just 'hello')");
        assertThatThrownBy(() -> Workloads.parse("hello:", "--workload"))
                .hasMessage("--workload: 'hello:' has an empty parameter (expected: hello or hello:<none>)");
    }
}
