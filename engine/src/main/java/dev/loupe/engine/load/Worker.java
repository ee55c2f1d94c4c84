package dev.loupe.engine.load;

import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.LoadMeter;
import dev.loupe.engine.measure.NanoClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One selector thread of the generator and the connections it owns. Its loop reads the clock once
 * per pass and once per ready key, sends what is due, handles I/O, and checks deadlines every
 * {@link #SCAN_INTERVAL_NS}. On the keep-alive path a request–response cycle allocates nothing: the
 * request bytes are pre-encoded, the read buffer is shared by the thread, the parser is reused and
 * everything is counted into the thread's {@link LoadMeter}.
 *
 * <p>Waiting: the loop blocks in {@code select} when the next thing to do is at least
 * {@link #SPIN_BELOW_NS} away, and polls ({@code selectNow}) when it is closer, so open-model
 * requests leave within microseconds of their intended start. The price is a busy thread at open
 * rates above about 1000 requests per second per thread.
 *
 * <p>Threads: everything runs on the worker's own thread except {@link #stop()}.
 */
final class Worker implements Runnable {
    /** How often request and connect deadlines are checked: 10 ms. */
    static final long SCAN_INTERVAL_NS = 10_000_000L;
    /**
     * After a failed request the closed model waits this long (10 ms) before that connection's next
     * request, so a refusing or resetting server is probed, not hammered in a tight loop.
     */
    static final long FAILURE_BACKOFF_NS = 10_000_000L;
    /** Below this (1 ms) the loop polls instead of blocking, since select's timeout has ms resolution. */
    static final long SPIN_BELOW_NS = 1_000_000L;
    static final int READ_BUFFER_BYTES = 64 * 1024;

    private final LoadMeter meter;
    private final NanoClock clock;
    private final InetSocketAddress address;
    private final EncodedRequest[] requests;
    private final RequestMix mix;
    private final boolean open;
    private final boolean keepAlive;
    /** The most connections this worker leaves open, its share of the spec's; 0 when it does not leak. */
    private final int leakMax;
    /** Connections this worker left open, oldest first: registered for reading only to see the server close them. */
    private final Set<Leaked> leaked = new LinkedHashSet<>();
    private final long thinkNs;
    private final long connectTimeoutNs;
    private final long requestTimeoutNs;
    private final long drainNs;
    private final long sendNs;
    private long runStartNs; // set by begin(), before the thread starts
    private long sendEndNs;
    private final int threadIndex;
    private final int threadCount;
    private final SchedulePacer pacer;
    private final Connection[] connections;
    private final int[] free;
    private final TimerHeap timers;
    private final Selector selector;
    private final byte[] readBytes = new byte[READ_BUFFER_BYTES];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readBytes);
    private final Consumer<SelectionKey> onKey = this::onKey;

    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private Thread owner;
    private long now;
    private long localRequests;
    private int freeCount;
    private int inFlight;
    private boolean stopping;
    /** Whether a stop request shortened the drain. */
    private boolean cutShort;
    private long drainDeadlineNs;
    private long nextScanNs;

    Worker(LoadSpec spec, EncodedRequest[] requests, InetSocketAddress address, LoadMeter meter, NanoClock clock,
            int threadIndex, int connectionCount) throws IOException {
        this.meter = meter;
        this.clock = clock;
        this.address = address;
        this.requests = requests;
        this.mix = new RequestMix(spec.requests(), spec.seed());
        this.open = spec.pacing() instanceof Pacing.Open;
        this.keepAlive = spec.keepAlive();
        this.leakMax = spec.leakConnections() == 0 ? 0
                : Math.max(1, spec.leakConnections() / spec.threads() + (threadIndex < spec.leakConnections() % spec.threads() ? 1 : 0));
        this.thinkNs = spec.pacing() instanceof Pacing.Closed closed ? closed.thinkTime().toNanos() : 0;
        this.connectTimeoutNs = spec.connectTimeout().toNanos();
        this.requestTimeoutNs = spec.requestTimeout().toNanos();
        this.drainNs = Math.min(spec.requestTimeout().toNanos(), spec.stopGrace().toNanos());
        this.sendNs = spec.warmup().plus(spec.duration()).toNanos();
        this.threadIndex = threadIndex;
        this.threadCount = spec.threads();
        this.pacer = spec.pacing() instanceof Pacing.Open o
                ? new SchedulePacer(o.schedule().arrivals(), threadIndex, spec.threads(), sendNs)
                : null;
        int templateBytes = 0;
        for (EncodedRequest r : requests) {
            if (!r.isFixed()) {
                templateBytes = Math.max(templateBytes, r.initialTemplateBytes());
            }
        }
        this.connections = new Connection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new Connection(i, requests, templateBytes);
        }
        this.free = new int[connectionCount];
        this.timers = new TimerHeap(connectionCount);
        this.selector = Selector.open();
    }

    /** Fixes the run's time zero; called once, before the worker's thread starts. */
    void begin(long runStartNs) {
        this.runStartNs = runStartNs;
        this.sendEndNs = runStartNs + sendNs;
    }

    /** Asks the worker to stop sending and finish; callable from any thread. */
    void stop() {
        stopRequested = true;
        selector.wakeup();
    }

    /** What went wrong inside the loop, if anything did (a bug, never a network error). */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        owner = Thread.currentThread();
        try {
            now = clock.nanoTime();
            nextScanNs = now + SCAN_INTERVAL_NS;
            for (Connection c : connections) {
                if (open) {
                    free[freeCount++] = c.id;
                    connect(c); // connect ahead so the first requests go out on time
                } else {
                    assign(c, nextClosedIndex(), now);
                }
            }
            loop();
        } catch (Throwable t) {
            failure = t;
        } finally {
            for (Connection c : connections) {
                close(c);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // the selector holds no data; nothing is lost
            }
        }
    }

    private void loop() throws IOException {
        while (true) {
            now = clock.nanoTime();
            if (!stopping && (now - sendEndNs >= 0 || stopRequested)) {
                beginStop();
            }
            if (stopping && stopRequested && !cutShort) {
                cutShort = true; // a stop while draining: the responses still due get a moment, not the whole grace
                drainDeadlineNs = Math.min(drainDeadlineNs, now + LoadSpec.STOP_DRAIN.toNanos());
            }
            if (stopping && (inFlight == 0 || now - drainDeadlineNs >= 0)) {
                break;
            }
            if (now - nextScanNs >= 0) {
                scanDeadlines();
                nextScanNs = now + SCAN_INTERVAL_NS;
            }
            if (!stopping) {
                if (open) {
                    paceOpen();
                } else {
                    runTimers();
                }
            }
            long waitNs = nextWakeNs() - now;
            if (waitNs <= 0) {
                selector.selectNow(onKey);
            } else if (waitNs < SPIN_BELOW_NS) {
                if (selector.selectNow(onKey) == 0) {
                    Thread.onSpinWait();
                }
            } else {
                selector.select(onKey, waitNs / 1_000_000L);
            }
        }
        // The drain time is up: whatever is still unanswered timed out, unless a stop cut the wait
        // short, which abandons those requests uncounted rather than blame the server for them.
        for (Connection c : connections) {
            if (c.hasRequest()) {
                if (cutShort) {
                    close(c);
                } else {
                    fail(c, ErrorClass.TIMEOUT);
                }
            }
        }
    }

    private long nextWakeNs() {
        long wake = nextScanNs;
        if (stopping) {
            return drainDeadlineNs - wake < 0 ? drainDeadlineNs : wake;
        }
        if (sendEndNs - wake < 0) {
            wake = sendEndNs;
        }
        if (open) {
            long due = pacer.nextIntendedNs();
            if (freeCount > 0 && due != ArrivalSchedule.NEVER && runStartNs + due - wake < 0) {
                wake = runStartNs + due;
            }
        } else if (!timers.isEmpty() && timers.peekDeadline() - wake < 0) {
            wake = timers.peekDeadline();
        }
        return wake;
    }

    private void beginStop() {
        stopping = true;
        drainDeadlineNs = now + (stopRequested ? Math.min(drainNs, LoadSpec.STOP_DRAIN.toNanos()) : drainNs);
        cutShort = stopRequested;
        if (open) {
            long sinceStart = Math.min(now, sendEndNs) - runStartNs;
            meter.recordStop(pacer.lagNs(sinceStart), pacer.countDueAt(sinceStart));
        } else {
            meter.recordStop(0, 0);
        }
        timers.clear();
        for (Connection c : connections) {
            if (!c.hasRequest()) {
                close(c);
            }
        }
        while (!leaked.isEmpty()) {
            closeLeaked(leaked.iterator().next());
        }
    }

    private long nextClosedIndex() {
        return threadIndex + (localRequests++) * threadCount;
    }

    // ---- pacing ------------------------------------------------------------------------------

    private void paceOpen() {
        long sinceStart = now - runStartNs;
        meter.addBehindScheduleNs(pacer.accountBehindNs(sinceStart));
        while (freeCount > 0 && pacer.isDue(sinceStart)) {
            Connection c = connections[free[--freeCount]];
            assign(c, pacer.nextIndex(), runStartNs + pacer.nextIntendedNs());
            pacer.advance();
        }
        meter.setScheduleLagNs(pacer.lagNs(sinceStart));
    }

    private void runTimers() {
        while (!timers.isEmpty() && timers.peekDeadline() - now <= 0) {
            Connection c = connections[timers.poll()];
            assign(c, nextClosedIndex(), now);
        }
    }

    /** The connection has no request any more: give it the next one, or park it. */
    private void release(Connection c, boolean afterFailure) {
        if (open) {
            free[freeCount++] = c.id;
            return;
        }
        if (stopping) {
            return;
        }
        if (afterFailure || thinkNs > 0) {
            // After a failure always go through the timer heap, so a failing server cannot recurse us.
            long waitNs = Math.max(thinkNs, afterFailure ? FAILURE_BACKOFF_NS : 0);
            timers.add(c.id, now + waitNs);
        } else {
            assign(c, nextClosedIndex(), now);
        }
    }

    // ---- request life cycle ------------------------------------------------------------------

    private void assign(Connection c, long requestIndex, long intendedNs) {
        assert Thread.currentThread() == owner : "connection used off its selector thread";
        c.requestIndex = requestIndex;
        c.kind = mix.pick(requestIndex);
        c.intendedNs = intendedNs;
        c.phase = Connection.AWAITING_CONNECT;
        inFlight++;
        switch (c.state) {
            case Connection.CLOSED -> connect(c);
            case Connection.CONNECTED -> send(c);
            default -> { } // connecting: the request goes out once connected
        }
    }

    private void connect(Connection c) {
        meter.countConnectAttempt();
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel = ch;
            c.state = Connection.CONNECTING;
            c.deadlineNs = now + connectTimeoutNs;
            if (ch.connect(address)) {
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                connected(c);
            } else {
                c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException | RuntimeException e) {
            if (c.channel == null && ch != null) {
                closeQuietly(ch);
            }
            connectFailed(c);
        }
    }

    private void finishConnect(Connection c) {
        try {
            if (c.channel.finishConnect()) {
                c.key.interestOps(SelectionKey.OP_READ);
                connected(c);
            }
        } catch (IOException | RuntimeException e) {
            connectFailed(c);
        }
    }

    private void connected(Connection c) {
        c.state = Connection.CONNECTED;
        meter.countConnectEstablished(c.everEstablished);
        c.everEstablished = true;
        if (c.phase == Connection.AWAITING_CONNECT) {
            send(c);
        }
    }

    private void connectFailed(Connection c) {
        meter.countConnectFailed();
        close(c);
        if (c.hasRequest()) {
            fail(c, ErrorClass.CONNECT);
        }
    }

    private void send(Connection c) {
        EncodedRequest request = requests[c.kind];
        ByteBuffer buffer;
        if (request.isFixed()) {
            buffer = c.fixedViews[c.kind];
            buffer.rewind();
        } else {
            buffer = fillTemplate(c, request);
            if (buffer == null) {
                fail(c, ErrorClass.WRITE);
                return;
            }
        }
        c.out = buffer;
        c.parser.reset(request.isHead());
        c.sentNs = now;
        c.deadlineNs = now + requestTimeoutNs;
        c.phase = Connection.WRITING;
        write(c);
    }

    private ByteBuffer fillTemplate(Connection c, EncodedRequest request) {
        while (true) {
            try {
                request.fill(c.requestIndex, c.templateBuffer);
                return c.templateBuffer;
            } catch (BufferOverflowException e) {
                if (c.templateBuffer.capacity() >= request.maxBytes()) {
                    return null; // a placeholder value longer than PlaceholderValue.MAX_BYTES
                }
                // Rare: a value longer than any before; grow once, up to the documented maximum.
                c.templateBuffer = ByteBuffer.allocateDirect(Math.min(request.maxBytes(), c.templateBuffer.capacity() * 2));
            } catch (RuntimeException e) {
                return null; // the placeholder supplier failed
            }
        }
    }

    private void write(Connection c) {
        try {
            int n = c.channel.write(c.out);
            meter.countBytesWritten(n);
        } catch (IOException | RuntimeException e) {
            fail(c, ErrorClass.WRITE);
            return;
        }
        if (c.out.hasRemaining()) {
            if (!c.writeInterest) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                c.writeInterest = true;
            }
        } else {
            if (c.writeInterest) {
                c.key.interestOps(SelectionKey.OP_READ);
                c.writeInterest = false;
            }
            c.phase = Connection.READING;
        }
    }

    private void onKey(SelectionKey key) {
        if (key.attachment() instanceof Leaked l) {
            if (key.isValid() && key.isReadable()) {
                readLeaked(l);
            }
            return;
        }
        Connection c = (Connection) key.attachment();
        if (c.key != key || !key.isValid()) {
            return; // a key of a channel this slot has since closed
        }
        now = clock.nanoTime();
        int ready = key.readyOps();
        if (c.state == Connection.CONNECTING) {
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                finishConnect(c);
            }
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && c.phase == Connection.WRITING) {
            write(c);
        }
        if ((ready & SelectionKey.OP_READ) != 0 && c.key == key) {
            read(c);
        }
    }

    private void read(Connection c) {
        while (true) {
            int n;
            try {
                readBuffer.clear();
                n = c.channel.read(readBuffer);
            } catch (IOException | RuntimeException e) {
                if (c.hasRequest()) {
                    fail(c, ErrorClass.READ);
                } else {
                    close(c); // reset while idle: reconnect when needed
                }
                return;
            }
            if (n < 0) {
                endOfStream(c);
                return;
            }
            if (n == 0) {
                return;
            }
            meter.countBytesRead(n);
            if (c.phase != Connection.WRITING && c.phase != Connection.READING) {
                close(c); // bytes nobody asked for; this connection cannot be trusted any more
                return;
            }
            int used = c.parser.parse(readBytes, 0, n);
            if (c.parser.isMalformed()) {
                fail(c, ErrorClass.MALFORMED);
                return;
            }
            if (c.parser.isComplete()) {
                complete(c, used < n);
                return;
            }
            if (n < readBytes.length) {
                return;
            }
        }
    }

    private void endOfStream(Connection c) {
        if (c.phase == Connection.WRITING || c.phase == Connection.READING) {
            if (c.parser.onEndOfStream()) {
                complete(c, true);
            } else {
                fail(c, ErrorClass.READ);
            }
        } else {
            close(c); // the server closed an idle connection: reconnect when needed
        }
    }

    private void complete(Connection c, boolean mustClose) {
        long correctedNs = now - (open ? c.intendedNs : c.sentNs);
        meter.recordResponse(correctedNs, now - c.sentNs, c.parser.status());
        boolean close = mustClose || c.parser.closeAfter() || !keepAlive || c.phase == Connection.WRITING;
        c.phase = Connection.IDLE;
        inFlight--;
        if (close) {
            close(c);
        } else if (leakMax > 0) {
            leak(c);
        }
        release(c, false);
    }

    /** A connection a leaking client left open: nobody reads its responses any more; it waits to be closed. */
    private record Leaked(SocketChannel channel, SelectionKey key) {}

    /**
     * Leaves the slot's channel open and gives the slot a new one for its next request, as a client
     * that never closes a response does. Beyond this worker's share of the bound, the oldest leaked
     * connection is closed.
     */
    private void leak(Connection c) {
        Leaked l = new Leaked(c.channel, c.key);
        c.key.attach(l); // the same key, now the leaked connection's: reads only, to see a close
        c.key.interestOps(SelectionKey.OP_READ);
        c.channel = null;
        c.key = null;
        c.state = Connection.CLOSED;
        c.writeInterest = false;
        leaked.add(l);
        while (leaked.size() > leakMax) {
            closeLeaked(leaked.iterator().next());
        }
    }

    /** A leaked connection is readable: the server closed it (or sent bytes nobody asked for, read and dropped). */
    private void readLeaked(Leaked l) {
        try {
            readBuffer.clear();
            int n = l.channel().read(readBuffer);
            if (n > 0) {
                meter.countBytesRead(n);
                return;
            }
        } catch (IOException | RuntimeException e) {
            // reset by the server: closed all the same
        }
        closeLeaked(l);
    }

    private void closeLeaked(Leaked l) {
        if (leaked.remove(l)) {
            meter.countConnectionClosed();
            l.key().cancel();
            closeQuietly(l.channel());
        }
    }

    private void fail(Connection c, ErrorClass errorClass) {
        meter.recordFailure(errorClass);
        c.phase = Connection.IDLE;
        inFlight--;
        close(c);
        release(c, true);
    }

    private void scanDeadlines() {
        for (Connection c : connections) {
            if (now - c.deadlineNs < 0) {
                continue;
            }
            if (c.state == Connection.CONNECTING) {
                connectFailed(c); // connect timeout
            } else if (c.phase == Connection.WRITING || c.phase == Connection.READING) {
                fail(c, ErrorClass.TIMEOUT);
            }
        }
    }

    private void close(Connection c) {
        if (c.channel == null) {
            return;
        }
        if (c.state == Connection.CONNECTED) {
            meter.countConnectionClosed();
        }
        closeQuietly(c.channel);
        c.channel = null;
        c.key = null;
        c.state = Connection.CLOSED;
        c.writeInterest = false;
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a socket loses nothing we measure
        }
    }
}
