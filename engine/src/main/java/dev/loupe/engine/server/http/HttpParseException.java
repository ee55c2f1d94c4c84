package dev.loupe.engine.server.http;

/**
 * A request the server must refuse: the status to answer (400, 413, 414, 431, 501 or 505) and why,
 * in words safe to send back (they never echo the client's bytes). The connection is closed after
 * the answer. Carries no stack trace: it is an answer, not a bug.
 */
public final class HttpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpParseException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The status to answer. */
    public int status() {
        return status;
    }
}
