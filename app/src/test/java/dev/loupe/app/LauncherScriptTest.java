package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./loupe} launcher's refusals: each missing runtime is named with what to install, exit
 * code 3, before anything is built or started.
 */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("..", "loupe").toAbsolutePath().normalize();

    @Test
    void withoutAJdk25ItSaysWhatToInstall(@TempDir Path emptyJdkFolder) throws Exception {
        Result r = run(List.of("--version"), Map.of("LOUPE_JDK_DIRS", emptyJdkFolder.toString(),
                "PATH", "/usr/bin:/bin"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).contains("no JDK 25 or newer found").contains("install a JDK 25")
                .contains("LOUPE_JAVA_HOME");
    }

    @Test
    void olderJdkIsPassedOver(@TempDir Path jdks) throws Exception {
        Path old = jdks.resolve("jdk-17");
        Files.createDirectories(old.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path exe = Files.writeString(old.resolve("bin").resolve(tool), "#!/bin/sh\nexit 0\n");
            exe.toFile().setExecutable(true);
        }
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Result r = run(List.of("--version"), Map.of("LOUPE_JDK_DIRS", jdks.toString(), "PATH", "/usr/bin:/bin"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).contains("no JDK 25 or newer found");
    }

    @Test
    void dashboardWithoutADisplaySaysSo() throws Exception {
        Result r = run(List.of(), Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "",
                "LOUPE_JAVA_HOME", System.getProperty("java.home")));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).contains("needs a display").contains("xvfb-run -a ./loupe");
    }

    private record Result(int exitCode, String stderr) {}

    private static Result run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>(List.of("bash", LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("LOUPE_JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }
}
