package dev.loupe.engine.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast single-threaded NIO test server on loopback that answers every request (bodiless: it
 * counts {@code \r\n\r\n}) with one fixed response. It can stall its whole loop once (like a GC pause
 * or a blocked event loop) and close after each response. Also a {@code main} for benchmarks:
 * {@code java -cp engine/target/test-classes:engine/target/classes dev.loupe.engine.load.HelloServer 8080}.
 */
public final class HelloServer implements AutoCloseable {
    public static final byte[] HELLO = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final byte[] response;
    private final boolean closeAfterResponse;
    private final long stallAfterNs;
    private final long stallForMs;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean stalled;

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private byte[] response = HELLO;
        private boolean closeAfterResponse;
        private Duration stallAfter;
        private Duration stallFor = Duration.ZERO;
        private int port;

        public Builder response(String text) {
            this.response = text.getBytes(StandardCharsets.US_ASCII);
            return this;
        }

        public Builder closeAfterResponse() {
            this.closeAfterResponse = true;
            return this;
        }

        /** Blocks the server's only thread for {@code length}, once, {@code after} its start. */
        public Builder stallOnce(Duration after, Duration length) {
            this.stallAfter = after;
            this.stallFor = length;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public HelloServer start() throws IOException {
            return new HelloServer(this);
        }
    }

    private HelloServer(Builder b) throws IOException {
        this.response = b.response;
        this.closeAfterResponse = b.closeAfterResponse;
        this.stallForMs = b.stallFor.toMillis();
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        long start = System.nanoTime();
        this.stallAfterNs = b.stallAfter == null ? Long.MAX_VALUE : start + b.stallAfter.toNanos();
        this.thread = Thread.ofPlatform().name("hello-server").daemon(true).start(this::loop);
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public long served() {
        return served.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public boolean hasStalled() {
        return stalled;
    }

    private static final class Conn {
        int match; // how much of \r\n\r\n has been seen
        ByteBuffer pending; // unwritten response bytes
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer out = ByteBuffer.allocateDirect(Math.max(64 * 1024, response.length * 64));
        try {
            while (running) {
                selector.select(50);
                if (!stalled && System.nanoTime() - stallAfterNs >= 0) {
                    stalled = true;
                    Thread.sleep(stallForMs);
                }
                var keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel ch;
                            while ((ch = server.accept()) != null) {
                                ch.configureBlocking(false);
                                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                                ch.register(selector, SelectionKey.OP_READ, new Conn());
                                accepted.incrementAndGet();
                            }
                        } else if (key.isValid()) {
                            handle(key, in, out);
                        }
                    } catch (IOException e) {
                        key.channel().close();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        } finally {
            try {
                for (SelectionKey k : selector.keys()) {
                    k.channel().close();
                }
                selector.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void handle(SelectionKey key, ByteBuffer in, ByteBuffer out) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        Conn c = (Conn) key.attachment();
        if (key.isWritable() && c.pending != null) {
            ch.write(c.pending);
            if (!c.pending.hasRemaining()) {
                c.pending = null;
                key.interestOps(SelectionKey.OP_READ);
            }
        }
        if (!key.isReadable()) {
            return;
        }
        in.clear();
        int n = ch.read(in);
        if (n < 0) {
            ch.close();
            return;
        }
        int requests = 0;
        for (int i = 0; i < n; i++) {
            byte b = in.get(i);
            int want = (c.match == 0 || c.match == 2) ? '\r' : '\n';
            if (b == want) {
                if (++c.match == 4) {
                    c.match = 0;
                    requests++;
                }
            } else {
                c.match = b == '\r' ? 1 : 0;
            }
        }
        if (requests == 0) {
            return;
        }
        out.clear();
        for (int r = 0; r < requests && out.remaining() >= response.length; r++) {
            out.put(response);
        }
        out.flip();
        ch.write(out);
        served.addAndGet(requests);
        if (out.hasRemaining()) {
            c.pending = ByteBuffer.allocate(out.remaining()).put(out).flip();
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else if (closeAfterResponse) {
            ch.close();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (HelloServer s = builder().port(port).start()) {
            System.out.println("hello server on " + s.url("/"));
            long last = 0;
            while (true) {
                Thread.sleep(5_000);
                long now = s.served();
                System.out.println("served " + (now - last) / 5 + " req/s");
                last = now;
            }
        }
    }
}
