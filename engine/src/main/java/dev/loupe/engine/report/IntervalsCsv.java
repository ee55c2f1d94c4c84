package dev.loupe.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code intervals.csv}: one row per entry of {@code result.json}'s {@code intervals[]}, one column
 * per series, the JVM's included. A column is named by its path in {@code result.json} with dots
 * ({@code latencyMs.p99}, {@code telemetry.heapUsedMbMax}), so its unit is in its name as it is
 * there. Comma-separated, a header line, numbers in the root locale without exponents, an empty cell
 * where nothing was measured (a second without telemetry, a probe that never ran), LF line ends.
 */
public final class IntervalsCsv {
    public static final String FILE_NAME = "intervals.csv";

    private IntervalsCsv() {}

    public static String render(RunReport report) {
        JsonNode intervals = ResultJson.measured(report.result(), Path.of("")).get("intervals");
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (JsonNode interval : intervals) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", interval, row);
            merge(columns, new ArrayList<>(row.keySet()));
            rows.add(row);
        }
        // a null where other rows have an object (no dispatch probe in that second) is no column of its own
        columns.removeIf(c -> columns.stream().anyMatch(other -> other.startsWith(c + ".")));
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns)).append('\n');
        for (Map<String, String> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(row.getOrDefault(columns.get(i), ""));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Adds the keys of one row that {@code columns} lacks, each right after the row's key before it,
     * so a group that is missing from the first rows (telemetry during the first second, a probe that
     * had not run yet) still lands where it belongs.
     */
    private static void merge(List<String> columns, List<String> keys) {
        int at = 0;
        for (String key : keys) {
            int found = columns.indexOf(key);
            if (found >= 0) {
                at = found + 1;
            } else {
                columns.add(at++, key);
            }
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), row));
        } else if (node.isNull()) {
            row.put(prefix, "");
        } else if (node.isFloatingPointNumber()) {
            row.put(prefix, node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isValueNode()) {
            row.put(prefix, quoted(node.asText()));
        }
    }

    /** A cell as CSV has it: in double quotes, inner quotes doubled, when it holds a comma, a quote or a line end. */
    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
