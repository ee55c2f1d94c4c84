package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/result-json.md names every field the golden result.json has (the scenario has its own page). */
class ResultJsonDocsTest {
    private static final Path DOC = Path.of("..", "docs", "result-json.md");

    @Test
    void everyFieldOfTheGoldenFileIsDocumented() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(Golden.DIR.resolve("open/result.json").toFile());
        TreeSet<String> paths = new TreeSet<>();
        collect("", golden, paths);
        String doc = Files.readString(DOC);

        assertThat(paths).hasSizeGreaterThan(60);
        for (String path : paths) {
            assertThat(doc).as("docs/result-json.md documents `%s`", path).contains("`" + path + "`");
        }
    }

    private static void collect(String path, JsonNode node, TreeSet<String> into) {
        if (!path.isEmpty()) {
            into.add(path);
        }
        if (path.equals("scenario")) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(path + "[]", item, into);
            }
        }
    }
}
