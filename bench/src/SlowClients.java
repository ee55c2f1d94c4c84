import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The slow-client case at full size, against each variant with its defaults: SLOW connections each
 * send a request line and then one header line a second for SECONDS seconds (so within the 10 s
 * header-read timeout), and half a second after they start, one normal GET. Prints, per variant, what
 * the normal GET got and after how long, and what the slow clients got. Run by bench/slow-clients.sh.
 * Args: [SLOW=300] [SECONDS=8] [variant...]
 */
public final class SlowClients {
    public static void main(String[] args) throws Exception {
        int slow = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> variants = args.length > 2 ? List.of(args).subList(2, args.length) : ServerVariants.names();
        System.out.printf("%d slow clients, one header line a second for %d s, then a normal GET (defaults: 10 s header read)%n%n",
                slow, seconds);
        System.out.printf("| variant | normal GET | after | slow clients got |%n|---|---|---|---|%n");
        for (String variant : variants) {
            try (RunningServer server = ServerVariants.byName(variant).start(
                    ServerConfig.of(request -> HttpResponse.text(200, "hello\n")))) {
                Map<String, Integer> slowOutcomes = new ConcurrentHashMap<>();
                CountDownLatch done = new CountDownLatch(slow);
                for (int i = 0; i < slow; i++) {
                    Thread.ofVirtual().start(() -> {
                        slowOutcomes.merge(slowClient(server, seconds), 1, Integer::sum);
                        done.countDown();
                    });
                }
                Thread.sleep(500);
                long start = System.nanoTime();
                String normal = request(server, "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n", 30);
                double afterS = (System.nanoTime() - start) / 1e9;
                done.await(seconds + 40L, TimeUnit.SECONDS);
                System.out.printf("| %s | %s | %.1f s | %s |%n", variant, normal, afterS, new TreeMap<>(slowOutcomes));
            }
        }
    }

    /** A slow client: what it got in the end. */
    private static String slowClient(RunningServer server, int seconds) {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(40_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /hello HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int i = 0; i < seconds; i++) {
                    Thread.sleep(1000);
                    out.write(("X-Slow-" + i + ": x\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // the server answered or closed it early; read what it said
            }
            return status(s.getInputStream());
        } catch (IOException | InterruptedException e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    private static String request(RunningServer server, String text, int timeoutS) {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(timeoutS * 1000);
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            return status(s.getInputStream());
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    /** The status of the response, "closed, no answer" on an empty close, "no answer in time" on a timeout. */
    private static String status(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return line.size() == 0 ? "closed, no answer" : "cut off";
                }
                line.write(b);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            return status.length() >= 12 ? status.substring(9, 12) : status;
        } catch (java.net.SocketTimeoutException e) {
            return "no answer in time";
        } catch (IOException e) {
            return "reset";
        }
    }
}
