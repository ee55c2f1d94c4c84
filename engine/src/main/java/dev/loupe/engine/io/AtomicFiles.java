package dev.loupe.engine.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, is forced to
 * disk, then renamed over the target. A crash leaves either the old file or the new one, never half.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes what {@code content} produces to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Fills a file given by its path, for writers that open the file themselves (JFR's {@code
     * Recording.dump}, for one).
     */
    @FunctionalInterface
    public interface FileContent {
        /** Writes the content to {@code temp}: an existing, empty file that may be truncated or overwritten. */
        void writeTo(Path temp) throws IOException;
    }

    /**
     * A temporary file is private (0600); the file it becomes keeps the permissions of the file it
     * replaces, or gets the usual rw-r--r-- when new.
     */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code file}.
     *
     * @throws IOException when the folder is missing or not writable, or content fails; {@code file}
     *     is then unchanged and no temporary file is left behind
     */
    public static void write(Path file, Content content) throws IOException {
        writeFile(file, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is closed below, not by the content writer
                    }
                });
                out.flush();
            }
        });
    }

    /**
     * Writes {@code file} through a temporary file in the same folder that {@code content} fills by
     * path; the temporary file is then forced to disk and renamed over {@code file}.
     *
     * @throws IOException when the folder is missing or not writable, or content fails; {@code file}
     *     is then unchanged and no temporary file is left behind
     */
    public static void writeFile(Path file, FileContent content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temp);
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
