package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} in a real headless browser (Debian's {@code chromium}): it draws a page that is
 * not blank, and nothing it holds asks the network for anything. Every request the browser makes goes
 * to a recording proxy on loopback; the browser's own calls home are told apart by their hosts; a page
 * with one remote image is the control that the proxy sees a page's requests at all.
 */
@Tag("timing")
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportIsOneFileThatDrawsWithoutTheNetwork() throws Exception {
        Path report = dir.resolve(HtmlReport.FILE_NAME);
        HtmlReport.write(report, RunReport.of(SeededRun.open(), SeededRun.extraThresholds()),
                Optional.of(List.of("java.lang.Thread.run;a.Server.handle_[j] 5", "java.lang.Thread.run;a.Server.parse_[j] 2")));
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Latency distribution", "Flame graph")
                .doesNotContain("<script", "<link", "@import", "src=\"http", "href=\"http", "url(http");
        Path control = Files.writeString(dir.resolve("control.html"),
                "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\">x</body></html>");

        try (CountingProxy proxy = new CountingProxy()) {
            Path shot = dir.resolve("report.png");
            chromium(proxy.port(), report, shot);
            assertThat(proxy.pageRequests()).as("requests from report.html").isEmpty();
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(darkPixels(image)).as("ink on the screenshot").isGreaterThan(5000);

            chromium(proxy.port(), control, dir.resolve("control.png"));
            assertThat(proxy.pageRequests()).as("control: a remote image goes through the proxy")
                    .anyMatch(r -> r.contains("example.invalid"));
        }
    }

    private static void chromium(int proxyPort, Path page, Path shot) throws Exception {
        Path profile = Files.createTempDirectory("loupe-chromium");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--proxy-server=http://127.0.0.1:" + proxyPort, "--proxy-bypass-list=<-loopback>",
                "--window-size=1100,1600", "--screenshot=" + shot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium (apt-get install chromium) finished in time").isTrue();
        assertThat(shot).as("chromium wrote its screenshot").isRegularFile();
    }

    private static int darkPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 160) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A proxy on loopback that accepts connections, counts them and closes them. */
    private static final class CountingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        /** Each request's first line (CONNECT host:port, GET url), to say what asked. */
        private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofPlatform().daemon().name("test-proxy").start(this::accept);

        CountingProxy() throws IOException {}

        private void accept() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout((int) Duration.ofMillis(500).toMillis());
                    byte[] head = new byte[200];
                    int n = s.getInputStream().read(head);
                    requests.add(n <= 0 ? "(nothing)" : new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
                } catch (IOException e) {
                    // closed, or a client gone: keep counting until closed
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        /** The requests but the browser's own calls home (update checks, time, accounts), which no page makes. */
        List<String> pageRequests() {
            return requests.stream().filter(r -> !r.matches("\\S+ (https?://)?[a-z0-9.-]*(google\\.com|googleapis\\.com|gstatic\\.com)[:/].*"))
                    .toList();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            acceptor.join(2000);
        }
    }
}
