package dev.loupe.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheFileAndLeavesNoTemporaryBehind(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("result.json"), "old");
        AtomicFiles.writeString(file, "new");
        assertThat(file).hasContent("new");
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path fresh = dir.resolve("SUMMARY.md");
        AtomicFiles.writeString(fresh, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
        Path kept = Files.writeString(dir.resolve("scenario.json"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(kept, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-rw----");
    }

    @Test
    void aWriterThatClosesTheStreamIsFine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicFiles.write(file, out -> {
            out.write("closed early".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(file).hasContent("closed early");
    }

    @Test
    void aFailingWriterLeavesTheOldFileWhole(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("scenario.json"), "{\"name\": \"kept\"}");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("{\"na".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("{\"name\": \"kept\"}");
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void aWriterThatNeedsAPathFillsTheTemporaryFileWhichThenReplacesTheTarget(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("recording.jfr"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeFile(file, temp -> {
            assertThat(temp).isNotEqualTo(file).hasParent(dir).isEmptyFile();
            Files.writeString(temp, "new");
        });
        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void aFailingPathWriterLeavesNothingBehind(@TempDir Path dir) {
        Path file = dir.resolve("recording.jfr");
        assertThatThrownBy(() -> AtomicFiles.writeFile(file, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("recording closed");
        })).hasMessage("recording closed");
        assertThat(dir).isEmptyDirectory();
    }
}
