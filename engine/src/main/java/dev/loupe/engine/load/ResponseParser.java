package dev.loupe.engine.load;

/**
 * An incremental HTTP/1.x response parser for one connection: feed it bytes as they arrive, in any
 * split, and it says when the response is complete, with its status and whether the server will close
 * the connection. Bodies are skipped, never stored: Content-Length, chunked (extensions and trailers
 * skipped) and read-until-close are understood; 1xx interim responses are skipped. It keeps a few
 * fields of state and allocates nothing after construction.
 *
 * <p>Limits: status line 8 KiB, header section 64 KiB, chunk size 16 hex digits; anything beyond, or
 * anything that is not HTTP/1.x, makes the response malformed.
 *
 * <p>Confined to the connection's selector thread.
 */
final class ResponseParser {
    static final int MAX_STATUS_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final int STATUS = 0;
    private static final int REASON = 1;
    private static final int LINE_START = 2;
    private static final int NAME = 3;
    private static final int VALUE = 4;
    private static final int HEADERS_LF = 5;
    private static final int BODY_FIXED = 6;
    private static final int CHUNK_SIZE = 7;
    private static final int CHUNK_EXT = 8;
    private static final int CHUNK_SIZE_LF = 9;
    private static final int CHUNK_DATA = 10;
    private static final int CHUNK_DATA_CR = 11;
    private static final int CHUNK_DATA_LF = 12;
    private static final int TRAILER_START = 13;
    private static final int TRAILER_LINE = 14;
    private static final int TRAILER_LF = 15;
    private static final int UNTIL_CLOSE = 16;
    private static final int DONE = 17;
    private static final int ERROR = 18;
    private static final int SKIP_NAME = 19; // a header nobody asked about: check its name, find ':'
    private static final int SKIP_VALUE = 20; // …and skip its value to the end of the line

    private static final byte[] HTTP_1 = {'H', 'T', 'T', 'P', '/', '1', '.'};
    // Header names of interest, lower case; their index is the bit in nameMask.
    private static final byte[][] NAMES = {
        "content-length".getBytes(), "transfer-encoding".getBytes(), "connection".getBytes()
    };
    private static final int H_CONTENT_LENGTH = 0;
    private static final int H_TRANSFER_ENCODING = 1;
    private static final int H_CONNECTION = 2;
    private static final int H_OTHER = -1;
    private static final int ALL_NAMES = 0b111;
    // Tokens of interest in header values; their index is the bit in tokenMask.
    private static final byte[][] TOKENS = {"chunked".getBytes(), "close".getBytes(), "keep-alive".getBytes()};
    private static final int T_CHUNKED = 0;
    private static final int T_CLOSE = 1;
    private static final int T_KEEP_ALIVE = 2;
    private static final int ALL_TOKENS = 0b111;

    private int state;
    private boolean headRequest;
    private int lineLength;
    private int headerBytes;
    private int minorVersion;
    private int status;
    // header name matching
    private int nameLength;
    private int nameMask;
    private int header;
    // header value parsing
    private long number;
    private boolean digitsSeen;
    private boolean digitsEnded;
    private boolean valueBad;
    private int tokenLength;
    private int tokenMask;
    private boolean tokenEnded;
    private int lastToken;
    // what the headers said
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean closeAfter;
    // body
    private long remaining;
    private int hexDigits;

    ResponseParser() {
        reset(false);
    }

    /** Gets ready for the response to a new request; {@code headRequest} when it was a HEAD (no body follows). */
    void reset(boolean headRequest) {
        this.headRequest = headRequest;
        startResponse();
    }

    private void startResponse() {
        state = STATUS;
        lineLength = 0;
        headerBytes = 0;
        minorVersion = 0;
        status = 0;
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        closeAfter = false;
        remaining = 0;
    }

    boolean isComplete() {
        return state == DONE;
    }

    boolean isMalformed() {
        return state == ERROR;
    }

    /** Whether no byte of the response has arrived yet. */
    boolean isAtStart() {
        return state == STATUS && lineLength == 0;
    }

    /** The status code, once the status line is parsed. */
    int status() {
        return status;
    }

    /** Whether the connection cannot carry another request after this response. */
    boolean closeAfter() {
        return closeAfter;
    }

    /**
     * The server closed the connection. Returns whether that completes the response (a body that runs
     * until close); otherwise the response was cut short.
     */
    boolean onEndOfStream() {
        if (state == UNTIL_CLOSE) {
            state = DONE;
            return true;
        }
        return state == DONE;
    }

    /**
     * Parses {@code bytes[from, to)} and returns the index after the last byte used: {@code to}, or
     * less once the response is complete (the rest belongs to no request) or malformed.
     */
    int parse(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case BODY_FIXED, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, to - i);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == BODY_FIXED ? DONE : CHUNK_DATA_CR;
                    }
                }
                case UNTIL_CLOSE -> i = to;
                case REASON, SKIP_VALUE -> i = skipLine(bytes, i, to);
                case SKIP_NAME -> i = skipName(bytes, i, to);
                case DONE, ERROR -> {
                    return i;
                }
                default -> {
                    step(bytes[i]);
                    i++;
                }
            }
        }
        return i;
    }

    /** The fast path through the reason phrase and uninteresting header values: find the LF. */
    private int skipLine(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        boolean found = i < to;
        if (found) {
            i++;
        }
        int used = i - from;
        if (state == REASON) {
            lineLength += used;
            if (lineLength > MAX_STATUS_LINE) {
                state = ERROR;
                return i;
            }
        } else if ((headerBytes += used) > MAX_HEADER_BYTES) {
            state = ERROR;
            return i;
        }
        if (found) {
            state = LINE_START;
        }
        return i;
    }

    /** The fast path through an uninteresting header name: every byte a token character, up to ':'. */
    private int skipName(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            byte b = bytes[i++];
            if (b == ':') {
                state = SKIP_VALUE;
                break;
            }
            if (b <= ' ' || b >= 0x7f) {
                state = ERROR;
                return i;
            }
        }
        if ((headerBytes += i - from) > MAX_HEADER_BYTES) {
            state = ERROR;
        }
        return i;
    }

    private void step(byte b) {
        switch (state) {
            case STATUS -> statusLine(b);
            case LINE_START -> lineStart(b);
            case NAME -> headerName(b);
            case VALUE -> headerValue(b);
            case HEADERS_LF -> {
                if (b == '\n') {
                    headersComplete();
                } else {
                    state = ERROR;
                }
            }
            case CHUNK_SIZE -> chunkSize(b);
            case CHUNK_EXT -> {
                if (b == '\n') {
                    chunkSizeComplete();
                } else if (++lineLength > MAX_STATUS_LINE) {
                    state = ERROR;
                }
            }
            case CHUNK_SIZE_LF -> {
                if (b == '\n') {
                    chunkSizeComplete();
                } else {
                    state = ERROR;
                }
            }
            case CHUNK_DATA_CR -> state = b == '\r' ? CHUNK_DATA_LF : b == '\n' ? CHUNK_SIZE : ERROR;
            case CHUNK_DATA_LF -> state = b == '\n' ? CHUNK_SIZE : ERROR;
            case TRAILER_START -> {
                if (b == '\r') {
                    state = TRAILER_LF;
                } else if (b == '\n') {
                    state = DONE;
                } else {
                    state = TRAILER_LINE;
                }
                countHeaderByte();
            }
            case TRAILER_LINE -> {
                if (b == '\n') {
                    state = TRAILER_START;
                }
                countHeaderByte();
            }
            case TRAILER_LF -> state = b == '\n' ? DONE : ERROR;
            default -> state = ERROR;
        }
    }

    private void statusLine(byte b) {
        int at = lineLength++;
        if (at < HTTP_1.length) {
            if (b != HTTP_1[at]) {
                state = ERROR;
            }
        } else if (at == 7) {
            if (b < '0' || b > '9') {
                state = ERROR;
            } else {
                minorVersion = b - '0';
            }
        } else if (at == 8) {
            if (b != ' ') {
                state = ERROR;
            }
        } else if (at <= 11) {
            if (b < '0' || b > '9') {
                state = ERROR;
            } else {
                status = status * 10 + (b - '0');
            }
        } else { // at == 12: end of the status code
            if (b == ' ') {
                state = REASON;
            } else if (b == '\r') {
                state = REASON; // the LF ends it
            } else if (b == '\n') {
                state = LINE_START;
            } else {
                state = ERROR;
            }
            if (status < 100) {
                state = ERROR;
            }
        }
    }

    private void lineStart(byte b) {
        if (!countHeaderByte()) {
            return;
        }
        if (b == '\r') {
            state = HEADERS_LF;
        } else if (b == '\n') {
            headersComplete();
        } else if (b == ' ' || b == '\t' || b == ':') {
            state = ERROR; // obsolete line folding, or an empty name
        } else {
            state = NAME;
            nameLength = 0;
            nameMask = ALL_NAMES;
            headerName(b);
        }
    }

    private boolean countHeaderByte() {
        if (++headerBytes > MAX_HEADER_BYTES) {
            state = ERROR;
            return false;
        }
        return true;
    }

    private void headerName(byte b) {
        if (b == ':') {
            header = H_OTHER;
            for (int h = 0; h < NAMES.length; h++) {
                if ((nameMask & (1 << h)) != 0 && NAMES[h].length == nameLength) {
                    header = h;
                }
            }
            state = VALUE;
            number = 0;
            digitsSeen = false;
            digitsEnded = false;
            valueBad = false;
            tokenLength = 0;
            tokenMask = ALL_TOKENS;
            tokenEnded = false;
            lastToken = -1;
            return;
        }
        if (b <= ' ' || b >= 0x7f) {
            state = ERROR;
            return;
        }
        if (state == NAME && nameLength > 0 && !countHeaderByte()) {
            return;
        }
        byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b | 0x20) : b;
        for (int h = 0; h < NAMES.length; h++) {
            if ((nameMask & (1 << h)) != 0 && (nameLength >= NAMES[h].length || NAMES[h][nameLength] != lower)) {
                nameMask &= ~(1 << h);
            }
        }
        nameLength++;
        if (nameMask == 0) {
            state = SKIP_NAME;
        }
    }

    private void headerValue(byte b) {
        if (!countHeaderByte()) {
            return;
        }
        if (b == '\n') {
            headerValueComplete();
            if (state != ERROR) {
                state = LINE_START;
            }
            return;
        }
        switch (header) {
            case H_CONTENT_LENGTH -> {
                if (b >= '0' && b <= '9') {
                    if (digitsEnded || number > (Long.MAX_VALUE >> 4)) {
                        valueBad = true;
                    } else {
                        number = number * 10 + (b - '0');
                        digitsSeen = true;
                    }
                } else if (b == ' ' || b == '\t' || b == '\r') {
                    digitsEnded = digitsSeen;
                } else {
                    valueBad = true;
                }
            }
            case H_TRANSFER_ENCODING, H_CONNECTION -> token(b);
            default -> { }
        }
    }

    private void token(byte b) {
        if (b == ',') {
            tokenComplete();
            return;
        }
        if (b == ' ' || b == '\t' || b == '\r') {
            tokenEnded = tokenLength > 0;
            return;
        }
        if (tokenEnded) {
            tokenMask = 0; // "a b" is not a token
        }
        byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b | 0x20) : b;
        for (int t = 0; t < TOKENS.length; t++) {
            if ((tokenMask & (1 << t)) != 0 && (tokenLength >= TOKENS[t].length || TOKENS[t][tokenLength] != lower)) {
                tokenMask &= ~(1 << t);
            }
        }
        tokenLength++;
    }

    private void tokenComplete() {
        if (tokenLength > 0) {
            lastToken = -2;
            for (int t = 0; t < TOKENS.length; t++) {
                if ((tokenMask & (1 << t)) != 0 && TOKENS[t].length == tokenLength) {
                    lastToken = t;
                }
            }
            if (header == H_CONNECTION) {
                connectionClose |= lastToken == T_CLOSE;
                connectionKeepAlive |= lastToken == T_KEEP_ALIVE;
            }
        }
        tokenLength = 0;
        tokenMask = ALL_TOKENS;
        tokenEnded = false;
    }

    private void headerValueComplete() {
        switch (header) {
            case H_CONTENT_LENGTH -> {
                if (valueBad || !digitsSeen || (contentLength >= 0 && contentLength != number)) {
                    state = ERROR;
                    return;
                }
                contentLength = number;
            }
            case H_TRANSFER_ENCODING -> {
                tokenComplete();
                transferEncoding = true;
                chunked = lastToken == T_CHUNKED; // chunked must be the final coding
            }
            case H_CONNECTION -> tokenComplete();
            default -> { }
        }
    }

    private void headersComplete() {
        if (state == ERROR) {
            return;
        }
        if (status < 200) {
            if (status == 101) {
                state = ERROR; // nobody asked to switch protocols
                return;
            }
            boolean head = headRequest;
            startResponse(); // an interim response: the real one follows
            headRequest = head;
            return;
        }
        boolean persistent = minorVersion >= 1 ? !connectionClose : connectionKeepAlive && !connectionClose;
        if (headRequest || status == 204 || status == 304) {
            state = DONE;
        } else if (chunked) {
            state = CHUNK_SIZE;
            hexDigits = 0;
            remaining = 0;
        } else if (transferEncoding || contentLength < 0) {
            state = UNTIL_CLOSE;
            persistent = false;
        } else if (contentLength == 0) {
            state = DONE;
        } else {
            state = BODY_FIXED;
            remaining = contentLength;
        }
        closeAfter = !persistent;
    }

    private void chunkSize(byte b) {
        int digit = hexValue(b);
        if (digit >= 0) {
            if (++hexDigits > 16 || remaining > (Long.MAX_VALUE >> 4)) {
                state = ERROR;
                return;
            }
            remaining = (remaining << 4) | digit;
            return;
        }
        if (hexDigits == 0) {
            state = ERROR; // no digits
            return;
        }
        if (b == ';' || b == ' ' || b == '\t') {
            state = CHUNK_EXT;
            lineLength = 0;
        } else if (b == '\r') {
            state = CHUNK_SIZE_LF;
        } else if (b == '\n') {
            chunkSizeComplete();
        } else {
            state = ERROR;
        }
    }

    private void chunkSizeComplete() {
        hexDigits = 0;
        if (remaining == 0) {
            state = TRAILER_START;
        } else {
            state = CHUNK_DATA;
        }
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
