package dev.loupe.engine.server.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered, unmodifiable map a {@link WorkloadStats} returns. Not thread-safe; build and discard. */
final class Stats {
    private final LinkedHashMap<String, Long> values = new LinkedHashMap<>();

    Stats put(String name, long value) {
        values.put(name, value);
        return this;
    }

    Map<String, Long> map() {
        return Collections.unmodifiableSequencedMap(values);
    }

    /** The counters as one JSON object on one line, e.g. {@code {"queued": 12, "retries": 345}}. */
    static String json(Map<String, Long> stats) {
        StringBuilder json = new StringBuilder("{");
        stats.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append('"').append(name).append("\": ").append(value);
        });
        return json.append("}").toString();
    }
}
