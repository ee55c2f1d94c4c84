package dev.loupe.engine.server.nio;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.http.HttpCore;
import dev.loupe.engine.server.http.HttpParseException;
import dev.loupe.engine.server.http.Persistence;
import dev.loupe.engine.server.http.RequestParser;
import dev.loupe.engine.server.http.ResponseEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One accepted connection, owned for life by one {@link EventLoop}: non-blocking reads fed to the
 * shared {@link RequestParser}, requests answered in order, non-blocking writes, and every deadline of
 * {@link HttpLimits} kept in the loop's {@link LoopTimer}. It behaves like the blocking transport's
 * connection, event by event instead of on a thread of its own.
 *
 * <p>States: {@code IDLE} (between requests, or before the first), {@code READING} (part of a request
 * has arrived), {@code HANDLING} (the handler runs on a worker; offload only), {@code WRITING} (the
 * socket took only part of the output: the rest waits for {@code OP_WRITE} and no further request is
 * read meanwhile), {@code LINGERING} (after an error answer: output shut, input drained for a while so
 * that the client reads the answer rather than a reset), {@code CLOSED}.
 *
 * <p>Buffers: reads go into the loop's shared buffer and writes come from its shared buffer, so an
 * idle connection holds only its parser. Only what must outlive one event is copied into the
 * connection's own {@code inbox} (input behind a request still in progress: pipelining while a
 * response waits for the socket or a worker) or {@code outbox} (output the socket has not taken yet).
 *
 * <p>Deadlines, all measured on the loop's clock: until a new connection's first byte and from a
 * request's first byte until its headers are complete, the header-read timeout (then {@code 408}, or
 * a silent close if nothing arrived); between requests and between two reads of a body, the idle
 * timeout (a silent close, or {@code 408} inside a body); while output waits for a client that does
 * not read, the idle timeout as well (then the connection is closed: a stalled reader cannot hold its
 * response forever, which a blocking write would); after an error answer, the linger timeout.
 *
 * <p>Confinement: everything runs on the owning loop's thread (asserted), except the handler in the
 * offload variant: between handing the request to a worker and taking the response back, the worker
 * alone uses the parser, and the loop's task queue orders the two.
 */
final class NioConnection extends LoopTimer.Node {
    /** Size of an inbox, the per-connection store of input read ahead; reading pauses when it is full. */
    static final int INBOX_BYTES = 16 * 1024;
    /** Size of an outbox, the per-connection store of output the socket has not taken yet. */
    static final int OUTBOX_BYTES = 64 * 1024;
    /** After an error answer, at most this much further input is drained before closing. */
    private static final int LINGER_MAX_BYTES = 1024 * 1024;
    private static final ByteBuffer NO_INPUT = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private static final int IDLE = 0;
    private static final int READING = 1;
    private static final int HANDLING = 2;
    private static final int WRITING = 3;
    private static final int LINGERING = 4;
    private static final int CLOSED = 5;

    private final EventLoop loop;
    private final NioServer server;
    private final HttpCore core;
    private final HttpLimits limits;
    private final ResponseEncoder encoder;
    private final SocketChannel channel;
    private final RequestParser parser;
    /** Where handlers run; null when they run on the loop itself ({@code event-loop}). */
    private final Executor workers;
    private final long acceptedAtNanos;
    private final Runnable handleOnWorker;
    private final Runnable completeOnLoop;

    private SelectionKey key;
    /** Index in the loop's connection list, -1 once removed; maintained by the loop. */
    int slot = -1;

    private int state = IDLE;
    private int stateBeforeWriting;
    private int interestOps;
    private boolean firstRequest = true;
    private boolean continueSent;
    private boolean inputEnded;
    private boolean closeAfterWrite;
    private boolean lingerAfterWrite;
    private long requestStartNanos;
    private long deadlineNanos;
    private long lingeredBytes;

    /** Input read ahead and not parsed yet, in write mode (data from 0 to position); null when none. */
    private ByteBuffer inbox;
    /** Output the socket has not taken yet, in read mode; null when none. */
    private ByteBuffer outbox;
    /** The response being written; its head is not written yet while {@link #pendingFrom} is -1. */
    private HttpResponse pending;
    private Persistence pendingPersistence;
    private boolean pendingHeadOnly;
    private int pendingFrom;

    /** The worker's answer, handed to the loop through its task queue (offload only). */
    private HttpResponse handled;

    NioConnection(EventLoop loop, NioServer server, SocketChannel channel, long acceptedAtNanos) {
        this.loop = loop;
        this.server = server;
        this.core = server.core();
        this.limits = core.limits();
        this.encoder = core.encoder();
        this.channel = channel;
        this.parser = core.newParser();
        this.workers = server.workers();
        this.acceptedAtNanos = acceptedAtNanos;
        this.handleOnWorker = workers == null ? null : this::handleOnWorker;
        this.completeOnLoop = workers == null ? null : this::completeOnLoop;
    }

    /** Registers with the loop's selector and starts waiting for the first request. */
    void start(Selector selector) {
        assert loop.inLoop() : "connection started off its loop thread";
        try {
            key = channel.register(selector, SelectionKey.OP_READ, this);
            interestOps = SelectionKey.OP_READ;
        } catch (IOException | RuntimeException e) {
            close();
            if (e instanceof RuntimeException) {
                core.internalError(e);
            }
            return;
        }
        if (loop.stopping()) {
            close();
            return;
        }
        arm(acceptedAtNanos + limits.headerReadTimeout().toNanos());
    }

    // ---- events, on the loop thread ----

    /** The selector says the socket is readable and/or writable. */
    void onReady(int readyOps) {
        assert loop.inLoop() : "connection served off its loop thread";
        loop.writeBuffer.clear();
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && state == WRITING) {
                onWritable();
            }
            if ((readyOps & SelectionKey.OP_READ) != 0 && state != CLOSED && state != WRITING) {
                onReadable();
            }
            updateInterest();
        } catch (IOException e) {
            close(); // the client went away or reset the connection: routine for a server
        } catch (RuntimeException | Error e) {
            core.internalError(e);
            close();
        }
    }

    /** A deadline this connection armed may have passed. */
    void onTimer(long now) {
        assert loop.inLoop() : "connection timer run off its loop thread";
        if (state == CLOSED || state == HANDLING) {
            return; // a handler on a worker is bounded only by a stop; the response re-arms a deadline
        }
        if (deadlineNanos - now > 0) {
            loop.schedule(this, deadlineNanos); // was pushed out since it was queued
            return;
        }
        loop.writeBuffer.clear();
        try {
            switch (state) {
                case READING -> {
                    refuse(core.requestTimeout()); // slowloris, or a body that stopped arriving
                    flushAndSettle(now);
                }
                case IDLE, WRITING, LINGERING -> close(); // idle too long, a reader that stopped reading, linger over
                default -> throw new IllegalStateException("connection state " + state);
            }
            updateInterest();
        } catch (IOException e) {
            close();
        } catch (RuntimeException | Error e) {
            core.internalError(e);
            close();
        }
    }

    /** During a stop: closes the connection if no request is in progress on it. */
    void closeIfIdle() {
        assert loop.inLoop() : "connection closed off its loop thread";
        if (state == IDLE || state == LINGERING) {
            close();
        }
    }

    private void onReadable() throws IOException {
        if (state == LINGERING) {
            linger();
            return;
        }
        boolean intoInbox = inbox != null || state == HANDLING;
        ByteBuffer in;
        if (intoInbox) {
            if (inbox == null) {
                inbox = ByteBuffer.allocate(INBOX_BYTES);
            }
            in = inbox;
            if (!in.hasRemaining()) {
                return; // full: updateInterest pauses reading until the inbox is parsed
            }
        } else {
            in = loop.readBuffer;
            in.clear();
        }
        int n = channel.read(in);
        if (n < 0) {
            endOfInput();
            return;
        }
        if (n == 0 || state == HANDLING) {
            return; // read ahead while the handler runs; parsed once the response is written
        }
        long now = loop.clock().nanoTime();
        if (intoInbox) {
            parseInbox(now);
        } else {
            in.flip();
            process(in, now);
            keepLeftover(in);
        }
    }

    /** The client closed its side: requests already read are answered, then the connection closes. */
    private void endOfInput() {
        inputEnded = true;
        if (state == IDLE || state == READING) {
            close(); // a half-sent request is abandoned with it
        }
    }

    /** Reads and discards what the client still sends after an error answer, within the linger bounds. */
    private void linger() throws IOException {
        ByteBuffer in = loop.readBuffer;
        in.clear();
        int n = channel.read(in);
        in.clear();
        if (n < 0) {
            close();
        } else {
            lingeredBytes += n;
            if (lingeredBytes >= LINGER_MAX_BYTES) {
                close();
            }
        }
    }

    // ---- requests ----

    /**
     * Parses and answers the requests in {@code in} until it is used up, a response waits for the
     * socket or a worker, or the connection closes; then flushes and settles.
     */
    private void process(ByteBuffer in, long now) throws IOException {
        while (state == IDLE || state == READING) {
            if (state == IDLE) {
                if (!in.hasRemaining()) {
                    break;
                }
                state = READING;
                requestStartNanos = firstRequest ? acceptedAtNanos : now;
            }
            boolean complete;
            try {
                complete = parser.parse(in);
            } catch (HttpParseException refused) {
                refuse(core.refusal(refused));
                break;
            }
            if (!complete) {
                awaitRestOfRequest(now);
                break;
            }
            continueSent = false;
            firstRequest = false;
            if (workers != null) {
                offload();
                break;
            }
            HttpResponse response = core.respond(parser.request());
            Thread.interrupted(); // an interrupt left by a handler would close this loop's channels
            if (loop.forcedToStop()) { // the stop interrupted this handler: cut off, nothing more is sent
                close();
                return;
            }
            now = loop.clock().nanoTime(); // the handler took time: later deadlines count from its end
            state = IDLE;
            Persistence persistence = Persistence.of(parser, server.stopping());
            if (!write(response, persistence, parser.isHeadRequest()) || persistence == Persistence.CLOSE) {
                break;
            }
        }
        flushAndSettle(now);
    }

    /** Headers or body still incomplete: send the go-ahead a client may wait for, and arm the deadline. */
    private void awaitRestOfRequest(long now) throws IOException {
        long deadline;
        if (!parser.headersComplete()) {
            deadline = requestStartNanos + limits.headerReadTimeout().toNanos();
        } else {
            if (parser.expectsContinue() && !continueSent && !hasPendingOutput()) {
                ByteBuffer out = loop.writeBuffer;
                if (out.remaining() >= ResponseEncoder.CONTINUE_100.length || flush()) {
                    out.put(ResponseEncoder.CONTINUE_100);
                    continueSent = true;
                }
            }
            deadline = now + limits.idleTimeout().toNanos();
        }
        if (deadline - now <= 0) {
            refuse(core.requestTimeout());
        } else {
            arm(deadline);
        }
    }

    /** Answers an error and closes gently: stop writing, then drain input for a while (see {@link #linger()}). */
    private void refuse(HttpResponse response) throws IOException {
        state = IDLE;
        inbox = null;
        lingerAfterWrite = true;
        write(response, Persistence.CLOSE, false);
    }

    // ---- offload ----

    private void offload() {
        state = HANDLING;
        try {
            workers.execute(handleOnWorker);
        } catch (RejectedExecutionException e) {
            close(); // the pool has stopped: the server is stopping by force
        }
    }

    /** On a worker thread: runs the handler and hands the response back to the loop. */
    private void handleOnWorker() {
        HttpResponse response;
        try {
            response = core.respond(parser.request());
        } catch (RuntimeException | Error e) { // a bug, not the handler's: respond catches those
            core.internalError(e);
            response = null;
        }
        handled = response;
        try {
            loop.execute(completeOnLoop);
        } catch (RejectedExecutionException e) {
            // The loop has stopped by force and closed this connection with it.
        }
    }

    /** On the loop thread: writes the worker's response, then carries on with input read meanwhile. */
    private void completeOnLoop() {
        assert loop.inLoop() : "response taken back off the loop thread";
        if (state != HANDLING) {
            return; // closed meanwhile
        }
        loop.writeBuffer.clear();
        try {
            HttpResponse response = handled;
            handled = null;
            if (response == null) {
                close();
                return;
            }
            long now = loop.clock().nanoTime();
            state = IDLE;
            Persistence persistence = Persistence.of(parser, server.stopping());
            if (write(response, persistence, parser.isHeadRequest()) && persistence != Persistence.CLOSE) {
                resume(now);
            } else {
                flushAndSettle(now);
            }
            updateInterest();
        } catch (IOException e) {
            close();
        } catch (RuntimeException | Error e) {
            core.internalError(e);
            close();
        }
    }

    // ---- output ----

    /**
     * Writes a response after those already queued: into the loop's write buffer, flushed to the
     * socket whenever it fills up.
     *
     * @return false when the socket could not take it all: the connection is now {@code WRITING}
     */
    private boolean write(HttpResponse response, Persistence persistence, boolean headOnly) throws IOException {
        pending = response;
        pendingPersistence = persistence;
        pendingHeadOnly = headOnly;
        pendingFrom = -1;
        if (persistence == Persistence.CLOSE) {
            closeAfterWrite = true;
        }
        ByteBuffer out = loop.writeBuffer;
        while (!putPending(out)) {
            if (out.position() == 0) { // a head larger than the whole buffer: write it from the outbox
                outbox = ByteBuffer.allocate(0);
                return drain();
            }
            if (!flush()) {
                return false;
            }
        }
        return true;
    }

    /** Puts as much of the pending response as fits; true once all of it is in {@code out}. */
    private boolean putPending(ByteBuffer out) {
        if (pendingFrom < 0) {
            if (out.remaining() < encoder.maxHeadLength(pending)) {
                return false;
            }
            encoder.putHead(pending, pendingPersistence, out);
            pendingFrom = 0;
        }
        if (!pendingHeadOnly) {
            pendingFrom += pending.putBody(pendingFrom, out);
        }
        if (pendingHeadOnly || pendingFrom == pending.bodyLength()) {
            pending = null;
            return true;
        }
        return false;
    }

    /**
     * Writes the loop's write buffer to the socket.
     *
     * @return true if the socket took all of it; otherwise the rest moves to this connection's outbox
     *     and the connection is {@code WRITING}
     */
    private boolean flush() throws IOException {
        ByteBuffer out = loop.writeBuffer;
        if (out.position() == 0) {
            return true;
        }
        out.flip();
        try {
            channel.write(out);
            if (!out.hasRemaining()) {
                return true;
            }
            outbox = ByteBuffer.allocate(Math.max(OUTBOX_BYTES, out.remaining()));
            outbox.put(out).flip();
            startWriting();
            return false;
        } finally {
            out.clear();
        }
    }

    /**
     * Writes the outbox and the rest of the pending response, refilling the outbox as the socket takes
     * it.
     *
     * @return true when everything is written; false when the socket is full again
     */
    private boolean drain() throws IOException {
        while (true) {
            if (outbox.hasRemaining()) {
                channel.write(outbox);
                if (outbox.hasRemaining()) {
                    startWriting();
                    return false;
                }
            }
            if (pending == null) {
                break;
            }
            int room = pendingFrom < 0 ? encoder.maxHeadLength(pending) : 0;
            if (outbox.capacity() < Math.max(room, OUTBOX_BYTES)) {
                outbox = ByteBuffer.allocate(Math.max(room, OUTBOX_BYTES));
            }
            outbox.clear();
            putPending(outbox);
            outbox.flip();
        }
        outbox = null;
        if (state == WRITING) {
            state = stateBeforeWriting;
        }
        return true;
    }

    private void startWriting() {
        if (state != WRITING) {
            stateBeforeWriting = state;
            state = WRITING;
        }
        arm(loop.clock().nanoTime() + limits.idleTimeout().toNanos()); // pushed out again on each progress
    }

    private void onWritable() throws IOException {
        if (!drain()) {
            return;
        }
        long now = loop.clock().nanoTime();
        if (closeAfterWrite) {
            settle(now);
        } else {
            resume(now);
        }
    }

    private boolean hasPendingOutput() {
        return outbox != null || pending != null;
    }

    // ---- after each event ----

    /** Writes what the loop's buffer holds for this connection, then decides what comes next. */
    private void flushAndSettle(long now) throws IOException {
        if (state != CLOSED && flush()) {
            settle(now);
        }
    }

    /** Output is written (or waits for the socket): close, linger, or wait for the next request. */
    private void settle(long now) throws IOException {
        switch (state) {
            case IDLE -> {
                if (closeAfterWrite) {
                    if (lingerAfterWrite) {
                        startLingering(now);
                    } else {
                        close();
                    }
                } else if (inputEnded || server.stopping()) {
                    close();
                } else {
                    arm(firstRequest ? acceptedAtNanos + limits.headerReadTimeout().toNanos()
                            : now + limits.idleTimeout().toNanos());
                }
            }
            case READING -> {
                if (inputEnded) {
                    close();
                }
            }
            default -> { } // HANDLING, WRITING, LINGERING, CLOSED: the next event decides
        }
    }

    /** Parses input read ahead while a response waited for a worker or the socket. */
    private void resume(long now) throws IOException {
        if (inbox == null) {
            process(NO_INPUT, now); // a request may be half-read (e.g. waiting for 100 Continue)
        } else {
            parseInbox(now);
        }
    }

    private void parseInbox(long now) throws IOException {
        ByteBuffer in = inbox;
        in.flip();
        process(in, now);
        if (inbox == in) {
            if (in.hasRemaining()) {
                in.compact();
            } else {
                inbox = null;
            }
        }
    }

    /** Bytes of the shared read buffer not parsed yet (behind a request in progress) move to the inbox. */
    private void keepLeftover(ByteBuffer in) {
        if (in.hasRemaining() && state != CLOSED && state != LINGERING) {
            inbox = ByteBuffer.allocate(Math.max(INBOX_BYTES, in.remaining()));
            inbox.put(in);
        }
        in.clear();
    }

    private void startLingering(long now) throws IOException {
        if (inputEnded || server.stopping()) {
            close();
            return;
        }
        channel.shutdownOutput();
        state = LINGERING;
        inbox = null;
        lingeredBytes = 0;
        arm(now + limits.lingerTimeout().toNanos());
    }

    private void arm(long deadline) {
        deadlineNanos = deadline;
        loop.schedule(this, deadline);
    }

    /** Selects exactly the events the state waits for; changes the key only when they change. */
    private void updateInterest() {
        int ops = switch (state) {
            case CLOSED -> interestOps;
            case WRITING -> SelectionKey.OP_WRITE;
            case HANDLING -> inputEnded || (inbox != null && !inbox.hasRemaining()) ? 0 : SelectionKey.OP_READ;
            default -> inputEnded ? 0 : SelectionKey.OP_READ;
        };
        if (ops != interestOps) {
            key.interestOps(ops);
            interestOps = ops;
        }
    }

    /** Closes the connection now (idempotent); its loop forgets it and the server counts it closed. */
    void close() {
        assert loop.inLoop() : "connection closed off its loop thread";
        if (state == CLOSED) {
            return;
        }
        state = CLOSED;
        if (key != null) {
            key.cancel();
        }
        closeQuietly(channel);
        inbox = null;
        outbox = null;
        pending = null;
        loop.remove(this);
        server.connectionClosed();
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is best effort; the descriptor is released either way.
        }
    }

    @Override
    public String toString() {
        return "NioConnection[" + loop.name() + ", state " + state + "]";
    }
}
