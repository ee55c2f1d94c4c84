package dev.loupe.engine.server.nio;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.NanoClock;
import dev.loupe.engine.server.ServerThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One selector loop on its own thread ({@code loupe-server-loop-N}) and the connections it owns for
 * life. Each turn it runs the tasks handed to it (new connections, responses from workers, probes),
 * selects (blocking at most until the next {@link LoopTimer} deadline, and never longer than {@link
 * #MAX_SELECT_MILLIS}), serves the ready connections and expires the due deadlines.
 *
 * <p>Confinement: the selector, the timer, the connection list and the two shared I/O buffers belong
 * to the loop thread; methods that touch them assert it. Only {@link #execute}, {@link #adopt},
 * {@link #beginStop}, {@link #shutdown}, {@link #forceStop} and {@link #awaitTermination} may be
 * called from other threads.
 *
 * <p>Waking: a task from another thread wakes the selector only when the loop is (about to be)
 * blocked in {@code select}, so a busy loop is not woken once per task (the {@code wakeUp} flag, as
 * in Netty).
 *
 * <p>A failure serving one connection closes that connection and the loop carries on; a failing task
 * is counted as an internal error and the loop carries on.
 */
final class EventLoop implements DispatchTarget {
    /** The prefix of loop thread names; the loop's index follows. */
    static final String THREAD_PREFIX = ServerThreads.PREFIX + "loop-";
    /** Size of the loop's shared read and write buffers (direct, one each per loop). */
    static final int BUFFER_BYTES = 64 * 1024;
    /** The longest a loop blocks in select, even with nothing due: a bound, not a tick. */
    static final long MAX_SELECT_MILLIS = 1000;
    /** Tasks run per turn at most, so a flood of tasks cannot starve I/O. */
    private static final int MAX_TASKS_PER_TURN = 4096;

    private static final int RUNNING = 0;
    /** Stopping: idle connections are closed, busy ones close after their response. */
    private static final int STOPPING = 1;
    /** Every connection has closed; the loop ends once its last ones are gone. */
    private static final int SHUTDOWN = 2;
    /** Ending now: every connection is closed whatever it is doing. */
    private static final int FORCED = 3;
    private static final int TERMINATED = 4;

    private final int index;
    private final NioServer server;
    private final NanoClock clock;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** True while the loop is in, or about to enter, a blocking select: a new task must wake it. */
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final LoopTimer<NioConnection> timer = new LoopTimer<>();
    private final ArrayList<NioConnection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int runState = RUNNING;
    private boolean stopSeen;

    /** Read buffer shared by the loop's connections: empty between two connection events. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    /** Write buffer shared by the loop's connections: empty between two connection events. */
    final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

    EventLoop(int index, NioServer server, NanoClock clock) throws IOException {
        this.index = index;
        this.server = server;
        this.clock = clock;
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().name(THREAD_PREFIX + index).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Releases the selector of a loop that was never started. */
    void discard() {
        runState = TERMINATED;
        try {
            selector.close();
        } catch (IOException e) {
            // Nothing else to release.
        }
    }

    /** True on this loop's own thread. */
    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    NanoClock clock() {
        return clock;
    }

    // ---- DispatchTarget ----

    @Override
    public String name() {
        return "loop-" + index;
    }

    @Override
    public String threadNamePrefix() {
        return THREAD_PREFIX + index;
    }

    /**
     * Runs the task on the loop thread, after the I/O and tasks already waiting: how a worker hands a
     * response back, and how a dispatch-delay probe measures how late the loop is. Any thread; never
     * blocks.
     *
     * @throws RejectedExecutionException once the loop is stopping by force or has ended
     */
    @Override
    public void execute(Runnable task) {
        if (runState >= FORCED) {
            throw new RejectedExecutionException(name() + " has stopped");
        }
        tasks.offer(task);
        if (runState == TERMINATED && tasks.remove(task)) { // raced with the loop's end: it will not run
            throw new RejectedExecutionException(name() + " has stopped");
        }
        if (!inLoop() && wakeUp.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /**
     * Hands an accepted connection to this loop, which owns it from now on. Called by the acceptor.
     *
     * @throws RejectedExecutionException when the loop has stopped; the caller closes the channel
     */
    void adopt(SocketChannel channel, long acceptedAtNanos) {
        execute(new Adoption(channel, acceptedAtNanos));
    }

    /** A connection on its way to the loop; closed instead if the loop ends first. */
    private final class Adoption implements Runnable {
        private final SocketChannel channel;
        private final long acceptedAtNanos;

        Adoption(SocketChannel channel, long acceptedAtNanos) {
            this.channel = channel;
            this.acceptedAtNanos = acceptedAtNanos;
        }

        @Override
        public void run() {
            NioConnection c = new NioConnection(EventLoop.this, server, channel, acceptedAtNanos);
            c.slot = connections.size();
            connections.add(c);
            c.start(selector);
        }

        void abandon() {
            NioConnection.closeQuietly(channel);
            server.connectionClosed();
        }
    }

    // ---- stopping, from the stopping thread ----

    /** Begins a graceful stop: idle connections close now, busy ones after their response. */
    void beginStop() {
        raiseState(STOPPING);
    }

    /** Ends the loop once its connections are gone (they are, after a graceful stop). */
    void shutdown() {
        raiseState(SHUTDOWN);
    }

    /**
     * Ends the loop now: every connection is closed, whatever it is doing. The loop thread is
     * interrupted, so a handler blocked on it (the {@code event-loop} variant) gets the chance to end.
     */
    void forceStop() {
        raiseState(FORCED);
        thread.interrupt();
    }

    /** Waits at most the bound for the loop thread to end (not only the loop); true if it did. */
    boolean awaitTermination(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        return terminated.await(bound.toNanos(), TimeUnit.NANOSECONDS)
                && thread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    private synchronized void raiseState(int state) {
        if (runState < state) {
            runState = state;
            selector.wakeup();
        }
    }

    // ---- the loop ----

    private void run() {
        try {
            while (true) {
                int state = runState;
                if (state >= FORCED) {
                    break;
                }
                if (state >= STOPPING && !stopSeen) {
                    stopSeen = true;
                    closeIdleConnections();
                }
                runTasks();
                if (state == SHUTDOWN && connections.isEmpty()) {
                    break;
                }
                select();
                expireDeadlines();
            }
        } catch (Throwable t) { // a bug in the loop itself: its connections close below, the server carries on
            server.core().internalError(t);
        } finally {
            terminate();
        }
    }

    private void runTasks() {
        for (int i = 0; i < MAX_TASKS_PER_TURN; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                server.core().internalError(e);
            }
        }
    }

    private void select() throws IOException {
        long waitMillis = MAX_SELECT_MILLIS;
        if (timer.size() > 0) {
            long waitNanos = timer.nextDeadline() - clock.nanoTime();
            waitMillis = waitNanos <= 0 ? 0 : Math.min(MAX_SELECT_MILLIS, (waitNanos + 999_999) / 1_000_000);
        }
        if (waitMillis == 0 || !tasks.isEmpty()) {
            selector.selectNow(onReady);
            return;
        }
        wakeUp.set(true);
        try {
            if (tasks.isEmpty()) { // checked after raising the flag: a task offered before it is seen here
                selector.select(onReady, waitMillis);
            } else {
                selector.selectNow(onReady);
            }
        } finally {
            wakeUp.set(false);
        }
    }

    private void onReady(SelectionKey key) {
        ((NioConnection) key.attachment()).onReady(key.readyOps());
    }

    private void expireDeadlines() {
        if (timer.size() == 0) {
            return;
        }
        long now = clock.nanoTime();
        NioConnection due;
        while ((due = timer.pollDue(now)) != null) {
            due.onTimer(now);
        }
    }

    private void closeIdleConnections() {
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size()) {
                connections.get(i).closeIfIdle();
            }
        }
    }

    private void terminate() {
        runState = TERMINATED;
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (i < connections.size()) {
                connections.get(i).close();
            }
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
            if (task instanceof Adoption adoption) {
                adoption.abandon();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // The selector's descriptors are released as far as the JDK can; nothing else to do.
        }
        terminated.countDown();
    }

    // ---- for this loop's connections, on the loop thread ----

    /** Makes sure the connection is looked at no later than the deadline. */
    void schedule(NioConnection c, long deadlineNanos) {
        assert inLoop() : "timer used off its loop thread";
        timer.schedule(c, deadlineNanos);
    }

    /** Forgets a connection that has closed. */
    void remove(NioConnection c) {
        assert inLoop() : "connection list used off its loop thread";
        timer.cancel(c);
        int slot = c.slot;
        if (slot < 0) {
            return;
        }
        NioConnection last = connections.removeLast();
        if (last != c) {
            connections.set(slot, last);
            last.slot = slot;
        }
        c.slot = -1;
    }

    /** True once the stop is forced: whatever a connection is doing, it closes without another byte. */
    boolean forcedToStop() {
        return runState >= FORCED;
    }

    /** True once a stop has begun: a connection that becomes idle closes. */
    boolean stopping() {
        return server.stopping();
    }

    /** Connections this loop owns now; loop thread only. */
    int connectionCount() {
        assert inLoop() : "connection list used off its loop thread";
        return connections.size();
    }

    @Override
    public String toString() {
        return "EventLoop[" + name() + "]";
    }
}
