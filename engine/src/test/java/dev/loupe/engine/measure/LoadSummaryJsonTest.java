package dev.loupe.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The summary serializes to exactly the field names of result.json's summary in docs/contracts.md. */
class LoadSummaryJsonTest {
    private static final String LATENCY = "{min, mean, p50, p75, p90, p95, p99, p999, max}";

    static LoadSummary sample() {
        return new LoadSummary(1000, 10.0, 99.5, 0.5,
                ErrorCounts.of(1, 1, 0, 1, 0, 1, 1),
                new ConnectionCounts(12, 11, 1, 2),
                new LatencyMs(0.05, 1.25, 1.0, 1.5, 2.0, 2.5, 9.0, 12.0, 20.0),
                new LatencyMs(0.05, 1.0, 0.9, 1.2, 1.8, 2.2, 5.0, 8.0, 20.0),
                new GeneratorHealth(120, false));
    }

    @Test
    void keysAreExactlyTheContract() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(sample());
        TreeSet<String> paths = new TreeSet<>();
        collect("", json, paths);
        TreeSet<String> expected = new TreeSet<>();
        for (String p : ("requests durationS throughputRps errorRatePct"
                + " errors.connect errors.read errors.write errors.timeout errors.malformed errors.status4xx"
                + " errors.status5xx errors.total"
                + " connections.requested connections.established connections.failed connections.reconnects"
                + " generator.behindScheduleMs generator.saturated").split(" ")) {
            expected.add(p);
        }
        for (String view : new String[] {"latencyMs", "uncorrectedLatencyMs"}) {
            for (String q : LATENCY.replaceAll("[{} ]", "").split(",")) {
                expected.add(view + "." + q);
            }
        }
        assertThat(paths).isEqualTo(expected);
    }

    @Test
    void golden() throws Exception {
        String json = new ObjectMapper().writeValueAsString(sample());
        assertThat(json).isEqualTo("{\"requests\":1000,\"durationS\":10.0,\"throughputRps\":99.5,\"errorRatePct\":0.5,"
                + "\"errors\":{\"connect\":1,\"read\":1,\"write\":0,\"timeout\":1,\"malformed\":0,\"status4xx\":1,"
                + "\"status5xx\":1,\"total\":5},"
                + "\"connections\":{\"requested\":12,\"established\":11,\"failed\":1,\"reconnects\":2},"
                + "\"latencyMs\":{\"min\":0.05,\"mean\":1.25,\"p50\":1.0,\"p75\":1.5,\"p90\":2.0,\"p95\":2.5,\"p99\":9.0,"
                + "\"p999\":12.0,\"max\":20.0},"
                + "\"uncorrectedLatencyMs\":{\"min\":0.05,\"mean\":1.0,\"p50\":0.9,\"p75\":1.2,\"p90\":1.8,\"p95\":2.2,"
                + "\"p99\":5.0,\"p999\":8.0,\"max\":20.0},"
                + "\"generator\":{\"behindScheduleMs\":120,\"saturated\":false}}");
        assertThat(new ObjectMapper().readValue(json, LoadSummary.class)).as("reads back").isEqualTo(sample());
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> into) {
        if (!node.isObject()) {
            into.add(prefix);
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
        }
    }
}
