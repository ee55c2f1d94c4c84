package dev.loupe.engine.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's {@code sample-configs} folder from wherever the tests run. */
public final class SampleConfigs {
    private SampleConfigs() {}

    public static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-configs");
            if (Files.isRegularFile(candidate.resolve("quick.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sample-configs/quick.json above " + Path.of("").toAbsolutePath());
    }

    public static Path schema() {
        return folder().resolve("scenario.schema.json");
    }

    /** Every scenario file: the folder's {@code *.json} except the schema. */
    public static List<Path> scenarios() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.equals(schema()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
