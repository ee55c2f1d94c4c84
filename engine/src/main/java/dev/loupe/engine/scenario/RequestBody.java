package dev.loupe.engine.scenario;

import java.nio.file.Path;
import java.util.Objects;

/** The body of a generated request: none, text from the scenario file, or a file's bytes. */
public sealed interface RequestBody {
    /** The largest inline body a scenario file may hold, in characters. */
    int MAX_INLINE_CHARS = (int) ScenarioLimits.REQUEST_BODY_CHARS.max();

    /** No body. */
    RequestBody NONE = new None();

    /** No body, written as neither {@code body} nor {@code bodyFile}. */
    record None() implements RequestBody {}

    /** The {@code body} field's text, sent as UTF-8. */
    record Text(String text) implements RequestBody {
        public Text {
            FieldChecks checks = new FieldChecks("load.request");
            checks.present("body", text, "text");
            if (text != null) {
                checks.requireDescribed(text.length() <= MAX_INLINE_CHARS, "body",
                        "(" + text.length() + " characters)",
                        "at most " + MAX_INLINE_CHARS + " characters; use bodyFile for more");
            }
            checks.done();
        }
    }

    /**
     * The {@code bodyFile} field: a file's bytes, read when the run starts.
     *
     * @param file the file, absolute; in a scenario file it is written relative to the scenario's folder
     */
    record FromFile(Path file) implements RequestBody {
        public FromFile {
            Objects.requireNonNull(file, "file");
            FieldChecks checks = new FieldChecks("load.request");
            checks.require(file.isAbsolute(), "bodyFile", file.toString(), "an absolute path");
            checks.done();
            file = file.normalize();
        }
    }
}
