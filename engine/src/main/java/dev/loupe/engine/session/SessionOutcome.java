package dev.loupe.engine.session;

import dev.loupe.engine.load.LoadResult;
import dev.loupe.engine.report.RunFolder;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How a {@link RunSession} ended. */
public sealed interface SessionOutcome {

    /** Whether it was stopped before its end (Ctrl+C, the Stop button, a closed window). */
    boolean stopped();

    /**
     * A scenario ran (to its end, or until stopped or the heap guard) and its run folder is written.
     *
     * @param result what ran
     * @param written the thresholds as judged and the files written
     * @param folder the run folder
     */
    record ScenarioFinished(RunResult result, RunFolder.Written written, Path folder, boolean stopped)
            implements SessionOutcome {
        public ScenarioFinished {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(folder, "folder");
        }

        /** Whether the heap guard ended the run. */
        public boolean guarded() {
            return result.outcome() == RunOutcome.STOPPED_BY_GUARD;
        }
    }

    /**
     * A URL-only load ran (to its end or until stopped).
     *
     * @param result what the clients saw
     * @param json where its summary was written, if anywhere
     */
    record LoadFinished(LoadResult result, Optional<Path> json, boolean stopped) implements SessionOutcome {
        public LoadFinished {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * The run could not start: a port in use, a host that does not resolve, a file that cannot be
     * read. The message names the field or option, the value and what was expected.
     */
    record SetupFailed(String message, boolean stopped) implements SessionOutcome {
        public SetupFailed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Loupe failed (a bug); the run folder's {@code run.log}, if there is one, holds the stack. */
    record Failed(Throwable cause, boolean stopped) implements SessionOutcome {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
