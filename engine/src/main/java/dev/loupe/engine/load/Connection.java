package dev.loupe.engine.load;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection slot of a selector thread: the channel (replaced on every reconnect), the request
 * it carries, its write buffers and its response parser. Plain mutable fields, confined to the
 * owning selector thread.
 */
final class Connection {
    static final int CLOSED = 0;
    static final int CONNECTING = 1;
    static final int CONNECTED = 2;

    /** No request. */
    static final int IDLE = 0;
    /** A request is assigned and waits for the connect to finish. */
    static final int AWAITING_CONNECT = 1;
    /** Part of the request is still to be written. */
    static final int WRITING = 2;
    /** The request is written; the response is being read. */
    static final int READING = 3;

    final int id;
    final ByteBuffer[] fixedViews;
    final ResponseParser parser = new ResponseParser();
    ByteBuffer templateBuffer;

    SocketChannel channel;
    SelectionKey key;
    int state = CLOSED;
    int phase = IDLE;
    boolean everEstablished;
    boolean writeInterest;

    long requestIndex;
    int kind;
    long intendedNs;
    long sentNs;
    /** The connect deadline while connecting, the response deadline once the request is sent. */
    long deadlineNs;
    ByteBuffer out;

    Connection(int id, EncodedRequest[] requests, int templateBytes) {
        this.id = id;
        this.fixedViews = new ByteBuffer[requests.length];
        for (int i = 0; i < requests.length; i++) {
            if (requests[i].isFixed()) {
                fixedViews[i] = requests[i].newFixedView();
            }
        }
        this.templateBuffer = templateBytes > 0 ? ByteBuffer.allocateDirect(templateBytes) : null;
    }

    boolean hasRequest() {
        return phase != IDLE;
    }
}
