package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.http.ConnectionRegistry;
import dev.loupe.engine.server.http.HttpCore;
import dev.loupe.engine.server.http.HttpParseException;
import dev.loupe.engine.server.http.Persistence;
import dev.loupe.engine.server.http.RequestParser;
import dev.loupe.engine.server.http.ResponseEncoder;
import dev.loupe.engine.server.http.TrackedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One accepted socket served with blocking I/O by one thread, request after request: read what has
 * arrived, parse, answer, and flush only when no further pipelined request is already buffered (so
 * 100 pipelined requests cost a few writes, not 100). Every failure ends this connection only.
 *
 * <p>Deadlines, so a slow or silent client cannot hold the thread: between requests the connection
 * is idle, its read is untimed and the {@link IdleReaper} closes it when its idle deadline passes (a
 * timed read would cost a timer per request on a virtual thread, and a poll per read on a platform
 * thread). Once part of a request has arrived, each read is timed ({@code SO_TIMEOUT}) against the
 * header-read deadline, or the idle timeout for body silence, and answers 408 when it passes.
 *
 * <p>{@link #run()} (or, for a connection refused without a thread, {@link #refuseAtOnce}) is
 * confined to the serving thread; {@link #closeIfIdle()}, {@link
 * #closeIfIdleUntil} and {@link #forceClose()} come from the stopping thread or the reaper and
 * coordinate with it through one atomic state that holds the idle deadline itself, so closing an idle
 * connection can never hit it after it has become busy, or idle again with a new deadline.
 */
final class BlockingConnection implements Runnable, TrackedConnection {
    /** Input and output buffer size; output grows for a larger head, input never needs to. */
    static final int BUFFER_BYTES = 8 * 1024;
    /** After an error answer, at most this much further input is drained before closing. */
    private static final int LINGER_MAX_BYTES = 1024 * 1024;

    /** State: serving a request (reading it, running the handler, writing the answer). */
    private static final long BUSY = -1;
    /** State: closed, or closing. Any state >= 0 means idle until that deadline ({@link #clock}). */
    private static final long CLOSED = -2;
    /** Origin of the state's deadlines, so that they are never negative. */
    private static final long ORIGIN_NANOS = System.nanoTime() - 1;

    private final Socket socket;
    private final HttpCore core;
    private final ConnectionRegistry<BlockingConnection> registry;
    private final long acceptedAtNanos;
    private final AtomicLong state;
    private volatile Thread owner;
    /** Set when a thread begins {@link #run()}; until then the connection may wait in a queue. */
    private volatile boolean started;

    private InputStream in;
    private OutputStream out;
    private byte[] inBytes;
    private ByteBuffer output;
    private int soTimeoutMillis = -1;

    BlockingConnection(Socket socket, HttpCore core, ConnectionRegistry<BlockingConnection> registry) {
        this.socket = socket;
        this.core = core;
        this.registry = registry;
        this.acceptedAtNanos = System.nanoTime();
        // Until its first byte, a new connection is idle; the header-read timeout bounds that wait.
        this.state = new AtomicLong(clock() + core.limits().headerReadTimeout().toNanos());
    }

    /** The clock of idle deadlines: nanoseconds, never negative. */
    static long clock() {
        return System.nanoTime() - ORIGIN_NANOS;
    }

    @Override
    public void run() {
        started = true;
        owner = Thread.currentThread();
        try {
            if (state.get() != CLOSED) {
                serve();
            }
        } catch (IOException e) {
            // The client went away, a deadline passed, or a stop closed the socket: routine for a server.
        } catch (RuntimeException | Error e) {
            core.internalError(e);
        } finally {
            state.set(CLOSED);
            owner = null;
            closeSocket();
            registry.remove(this);
        }
    }

    private void serve() throws IOException {
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        inBytes = new byte[BUFFER_BYTES];
        output = ByteBuffer.allocate(BUFFER_BYTES);
        ByteBuffer input = ByteBuffer.wrap(inBytes).limit(0);
        RequestParser parser = core.newParser();
        HttpLimits limits = core.limits();
        boolean first = true;
        boolean continueSent = false;
        long requestStartNanos = acceptedAtNanos;

        while (true) {
            boolean complete;
            try {
                complete = parser.parse(input);
            } catch (HttpParseException refused) {
                refuse(core.refusal(refused));
                return;
            }
            if (complete) {
                HttpResponse response = core.respond(parser.request());
                Persistence persistence = Persistence.of(parser, registry.stopping());
                write(response, persistence, parser.isHeadRequest());
                if (persistence == Persistence.CLOSE) {
                    flush();
                    return;
                }
                first = false;
                continueSent = false;
                continue;
            }

            flush(); // nothing more buffered to answer: send what is waiting before blocking
            boolean idle = parser.isIdle();
            long timeoutNanos;
            if (idle) { // untimed: the reaper closes the connection when its idle deadline passes
                if (!first && !becomeIdle(clock() + limits.idleTimeout().toNanos())) {
                    return;
                }
                timeoutNanos = 0;
            } else if (!parser.headersComplete()) {
                timeoutNanos = limits.headerReadTimeout().toNanos() - (System.nanoTime() - requestStartNanos);
            } else {
                if (parser.expectsContinue() && !continueSent) {
                    out.write(ResponseEncoder.CONTINUE_100);
                    continueSent = true;
                }
                timeoutNanos = limits.idleTimeout().toNanos();
            }
            if (!idle && timeoutNanos <= 0) {
                refuse(core.requestTimeout());
                return;
            }

            input.compact();
            int n;
            try {
                setSoTimeout(timeoutNanos);
                n = in.read(inBytes, input.position(), input.remaining());
            } catch (SocketTimeoutException e) {
                refuse(core.requestTimeout());
                return;
            }
            if (n < 0) {
                return; // the client closed; a half-sent request is abandoned with it
            }
            input.position(input.position() + n).flip();
            if (idle) {
                if (!becomeBusy()) {
                    return; // a stop closed it at this very moment
                }
                if (!first) {
                    requestStartNanos = System.nanoTime();
                }
            }
        }
    }

    /**
     * Answers {@code response} with {@code Connection: close} and closes, on the calling thread (an
     * acceptor) instead of a thread of the connection's own: for a connection the server has no thread
     * for. Never waits for the client: the answer fits a fresh socket's send buffer, and input that has
     * already arrived is discarded without blocking before the close. (A client whose request arrives
     * only after the close may see a reset after the answer rather than a clean end.)
     */
    void refuseAtOnce(HttpResponse response) {
        long s = state.get();
        try {
            if (s >= 0 && state.compareAndSet(s, BUSY)) { // else a stop closed it already
                out = socket.getOutputStream();
                output = ByteBuffer.allocate(core.encoder().maxHeadLength(response) + response.bodyLength());
                write(response, Persistence.CLOSE, false);
                flush();
                socket.shutdownOutput();
                discardArrivedInput(socket.getInputStream());
            }
        } catch (IOException e) {
            // The client went away first: nothing left to tell it.
        } finally {
            state.set(CLOSED);
            closeSocket();
            registry.remove(this);
        }
    }

    /** Reads what has already arrived (never blocking), so the close does not reset the connection. */
    private static void discardArrivedInput(InputStream input) throws IOException {
        byte[] sink = null;
        long drained = 0;
        int available;
        while (drained < LINGER_MAX_BYTES && (available = input.available()) > 0) {
            if (sink == null) {
                sink = new byte[BUFFER_BYTES];
            }
            int n = input.read(sink, 0, Math.min(available, sink.length));
            if (n < 0) {
                return;
            }
            drained += n;
        }
    }

    /**
     * Answers an error with {@code Connection: close}, stops writing (the client sees the end of the
     * answer), then closes gently (see {@link #linger()}). Nothing is in flight any more, so a stop
     * may close the connection at once.
     */
    private void refuse(HttpResponse response) throws IOException {
        write(response, Persistence.CLOSE, false);
        flush();
        socket.shutdownOutput();
        if (becomeIdle(clock() + core.limits().lingerTimeout().toNanos())) {
            linger();
        }
    }

    /**
     * Reads and discards whatever the client is still sending, within the linger bound. Closing with
     * unread input would make the kernel send a reset, which can destroy the answer before the client
     * reads it.
     */
    private void linger() throws IOException {
        long deadline = System.nanoTime() + core.limits().lingerTimeout().toNanos();
        long drained = 0;
        while (drained < LINGER_MAX_BYTES) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            setSoTimeout(left);
            int n = in.read(inBytes);
            if (n < 0) {
                return;
            }
            drained += n;
        }
    }

    private void write(HttpResponse response, Persistence persistence, boolean headOnly) throws IOException {
        ResponseEncoder encoder = core.encoder();
        int headBytes = encoder.maxHeadLength(response);
        if (output.remaining() < headBytes) {
            flush();
            if (output.capacity() < headBytes) {
                output = ByteBuffer.allocate(headBytes);
            }
        }
        encoder.putHead(response, persistence, output);
        if (!headOnly) {
            int length = response.bodyLength();
            int from = 0;
            while (from < length) {
                if (!output.hasRemaining()) {
                    flush();
                }
                from += response.putBody(from, output);
            }
        }
    }

    private void flush() throws IOException {
        if (output.position() > 0) {
            out.write(output.array(), 0, output.position());
            output.clear();
        }
    }

    /** Sets the read timeout when it changes; 0 nanoseconds means untimed. */
    private void setSoTimeout(long nanos) throws IOException {
        int millis = nanos == 0 ? 0 : Math.clamp(TimeUnit.NANOSECONDS.toMillis(nanos + 999_999), 1, Integer.MAX_VALUE);
        if (millis != soTimeoutMillis) {
            socket.setSoTimeout(millis);
            soTimeoutMillis = millis;
        }
    }

    /**
     * Between requests, idle until the deadline: the reaper or a stop may now close this connection.
     * If a stop has begun, closes it here.
     *
     * @return false if the connection is closed (or closing) and the serving thread should end
     */
    private boolean becomeIdle(long deadline) {
        if (!state.compareAndSet(BUSY, Math.max(0, deadline))) {
            return false;
        }
        if (registry.stopping()) {
            closeIfIdle();
            return false;
        }
        return true;
    }

    /** The first bytes of a request arrived: from now on only a forced close ends the connection. */
    private boolean becomeBusy() {
        long s = state.get();
        return s >= 0 && state.compareAndSet(s, BUSY);
    }

    @Override
    public boolean closeIfIdle() {
        return closeIfIdleUntil(Long.MAX_VALUE);
    }

    /**
     * Whether no thread has begun this connection (it waits in a pool's queue) and its first deadline,
     * the header-read timeout since it was accepted, has passed by {@code now} ({@link #clock()}).
     */
    boolean queuedPast(long now) {
        long s = state.get();
        return !started && s >= 0 && s <= now;
    }

    /**
     * Closes the connection if it is idle with a deadline at or before {@code now} ({@link #clock()}).
     * Called by the {@link IdleReaper}.
     */
    boolean closeIfIdleUntil(long now) {
        long s = state.get();
        while (s >= 0 && s <= now) {
            if (state.compareAndSet(s, CLOSED)) {
                closeSocket();
                forgetIfNeverStarted();
                return true;
            }
            s = state.get();
        }
        return false;
    }

    @Override
    public void forceClose() {
        state.set(CLOSED);
        closeSocket();
        Thread serving = owner;
        if (serving != null) {
            serving.interrupt();
        }
        forgetIfNeverStarted();
    }

    /**
     * A closed connection that no thread has begun (it waits in a pool's queue) leaves the registry
     * now rather than when a worker gets to it, so a stop and {@code openConnections()} need not wait
     * for busy workers. If a worker begins it meanwhile, it sees the close and removes it again, which
     * is harmless.
     */
    private void forgetIfNeverStarted() {
        if (!started) {
            registry.remove(this);
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the descriptor is released either way.
        }
    }
}
