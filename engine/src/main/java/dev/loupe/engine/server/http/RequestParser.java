package dev.loupe.engine.server.http;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An incremental HTTP/1.1 request parser for one connection. Feed it whatever bytes have arrived,
 * from a blocking read or a selector loop alike; it consumes them from the buffer, keeps what it needs
 * in its own storage (the caller may reuse or compact the buffer at once) and says when a request is
 * complete. Bytes after a complete request stay in the buffer for the next call: pipelined requests
 * come out one by one, in order.
 *
 * <p>It reads the request line, header fields (names case-insensitive), a {@code Content-Length} or
 * {@code Transfer-Encoding: chunked} body (with trailers), and the keep-alive rules of HTTP/1.0 and
 * 1.1. Limits come from {@link HttpLimits}. Strings are made only when a handler asks for them.
 *
 * <p>Confined to one thread at a time (the connection's), not thread-safe.
 */
public final class RequestParser {
    /** A chunk-size line (hex size and extensions) longer than this is refused with 400. */
    static final int CHUNK_LINE_MAX_BYTES = 1024;
    /** A body buffer larger than this is dropped after its request, so idle connections stay small. */
    private static final int BODY_KEEP_BYTES = 64 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte SP = ' ';
    private static final byte HT = '\t';

    private static final int REQUEST_LINE = 0;
    private static final int HEADERS = 1;
    private static final int BODY = 2;
    private static final int CHUNK_SIZE = 3;
    private static final int CHUNK_DATA = 4;
    private static final int CHUNK_DATA_CR = 5;
    private static final int CHUNK_DATA_LF = 6;
    private static final int TRAILERS = 7;
    private static final int COMPLETE = 8;
    private static final int FAILED = 9;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] EXPECT = ascii("expect");
    private static final byte[] HOST = ascii("host");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final byte[] CONTINUE_100 = ascii("100-continue");
    private static final String[] KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"};
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
        for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TOKEN[c] = true;
    }

    private final HttpLimits limits;
    private final Request request = new Request();

    private int state = REQUEST_LINE;
    /** The request line, then header lines, then trailer lines, each as received (with CR LF). */
    private byte[] head = new byte[512];
    private int headLength;
    private int lineStart;
    private int emptyLinesSkipped;
    private int headerBytes;

    private int methodEnd;
    private int targetStart;
    private int targetEnd;
    private HttpVersion version;
    /** Per field four ints: name start, name end, value start, value end (all in {@link #head}). */
    private int[] fields = new int[4 * 16];
    private int fieldCount;
    private int trailerStart;

    private long contentLength;
    private boolean chunked;
    private boolean closeToken;
    private boolean keepAliveToken;
    private boolean expectContinue;
    private int hostCount;
    private boolean headMethod;

    private byte[] body = new byte[0];
    private int bodyLength;
    private long chunkRemaining;

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
        clearRequest();
    }

    /**
     * Consumes bytes from {@code in} (position to limit) until a request is complete or the bytes run
     * out. After {@code true}, {@link #request()} is valid until the next call; leftover bytes of
     * pipelined requests stay in {@code in}.
     *
     * @return true when a whole request has been read
     * @throws HttpParseException when the request must be refused; the parser is then unusable and
     *     the connection should answer {@link HttpParseException#status()} and close
     */
    public boolean parse(ByteBuffer in) throws HttpParseException {
        if (state == COMPLETE) {
            clearRequest();
        } else if (state == FAILED) {
            throw new IllegalStateException("the parser refused a request; the connection must close");
        }
        try {
            while (true) {
                switch (state) {
                    case REQUEST_LINE -> {
                        if (!copyLine(in, limits.requestLineMaxBytes() + 2, false)) return false;
                        requestLine();
                    }
                    case HEADERS, TRAILERS -> {
                        // + 2: room for the blank line that ends the section, which is not counted
                        if (!copyLine(in, limits.headerSectionMaxBytes() - headerBytes + 2, true)) return false;
                        fieldLine();
                    }
                    case BODY -> {
                        if (!copyBody(in)) return false;
                        state = COMPLETE;
                    }
                    case CHUNK_SIZE -> {
                        if (!copyLine(in, CHUNK_LINE_MAX_BYTES, false)) return false;
                        chunkSizeLine();
                    }
                    case CHUNK_DATA -> {
                        if (!copyBody(in)) return false;
                        state = CHUNK_DATA_CR;
                    }
                    case CHUNK_DATA_CR, CHUNK_DATA_LF -> {
                        if (!in.hasRemaining()) return false;
                        chunkDataEnd(in.get());
                    }
                    case COMPLETE -> {
                        return true;
                    }
                    default -> throw new IllegalStateException("parser state " + state);
                }
            }
        } catch (HttpParseException e) {
            state = FAILED;
            throw e;
        }
    }

    /** The request just completed; valid until the next {@link #parse}. */
    public HttpRequest request() {
        if (state != COMPLETE) {
            throw new IllegalStateException("no complete request (parse returned false or was not called)");
        }
        return request;
    }

    /** True when no byte of a next request has arrived yet: the connection is between requests. */
    public boolean isIdle() {
        return state == COMPLETE || (state == REQUEST_LINE && headLength == 0 && emptyLinesSkipped == 0);
    }

    /** True once the current request's header section has been read (its body may still be arriving). */
    public boolean headersComplete() {
        return state != REQUEST_LINE && state != HEADERS && state != FAILED;
    }

    /**
     * True when the client sent {@code Expect: 100-continue} and waits for a go-ahead before sending
     * the body it announced; the connection should write {@code HTTP/1.1 100 Continue} once.
     */
    public boolean expectsContinue() {
        return expectContinue && version == HttpVersion.HTTP_1_1
                && (state == BODY || state == CHUNK_SIZE) && bodyLength == 0;
    }

    /**
     * Whether the connection may stay open after the current request: HTTP/1.1 unless the client
     * sent {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        if (closeToken) return false;
        return version == HttpVersion.HTTP_1_1 || keepAliveToken;
    }

    /** The version of the current request. */
    public HttpVersion version() {
        return version;
    }

    /** True when the current request's method is HEAD: answer without the body. */
    public boolean isHeadRequest() {
        return headMethod;
    }

    // ---- lines ----

    /**
     * Copies input up to and including the next LF into {@link #head}.
     *
     * @param maxLineBytes the most bytes this line may have, its line ending included
     * @param headerBudget true when exceeding it means 431 (header section), else 414 or 400 by state
     * @return true when a whole line is in head[lineStart, headLength)
     */
    private boolean copyLine(ByteBuffer in, int maxLineBytes, boolean headerBudget) throws HttpParseException {
        int pos = in.position();
        int limit = in.limit();
        int end = limit;
        boolean found = false;
        for (int i = pos; i < limit; i++) {
            if (in.get(i) == LF) {
                end = i + 1;
                found = true;
                break;
            }
        }
        int n = end - pos;
        if (headLength - lineStart + n > maxLineBytes) {
            throw tooLong(headerBudget);
        }
        if (headLength + n > head.length) {
            byte[] bigger = new byte[Math.max(head.length * 2, headLength + n)];
            System.arraycopy(head, 0, bigger, 0, headLength);
            head = bigger;
        }
        in.get(pos, head, headLength, n);
        in.position(end);
        headLength += n;
        return found;
    }

    private HttpParseException tooLong(boolean headerBudget) {
        if (headerBudget) {
            return new HttpParseException(431, "the header section is larger than "
                    + limits.headerSectionMaxBytes() + " bytes");
        }
        if (state == REQUEST_LINE) {
            return new HttpParseException(414, "the request line is longer than "
                    + limits.requestLineMaxBytes() + " bytes");
        }
        return new HttpParseException(400, "a chunk-size line is longer than " + CHUNK_LINE_MAX_BYTES + " bytes");
    }

    /** End of the line's content: before LF, and before CR when CR LF ends it. */
    private int contentEnd() {
        int end = headLength - 1;
        return end > lineStart && head[end - 1] == CR ? end - 1 : end;
    }

    private void requestLine() throws HttpParseException {
        int start = lineStart;
        int end = contentEnd();
        if (end == start) { // RFC 9112 2.2: ignore empty lines before the request line
            emptyLinesSkipped++;
            if (emptyLinesSkipped > 8) {
                throw new HttpParseException(400, "too many empty lines before the request line");
            }
            headLength = lineStart;
            return;
        }
        if (end - start > limits.requestLineMaxBytes()) {
            throw new HttpParseException(414, "the request line is longer than " + limits.requestLineMaxBytes() + " bytes");
        }
        int sp1 = indexOf(SP, start, end);
        if (sp1 <= start) {
            throw new HttpParseException(400, "the request line must be METHOD SP target SP HTTP-version");
        }
        for (int i = start; i < sp1; i++) {
            if (!TOKEN[head[i] & 0xff]) throw new HttpParseException(400, "the method contains a character that is not allowed");
        }
        int sp2 = indexOf(SP, sp1 + 1, end);
        if (sp2 < 0 || sp2 == sp1 + 1) {
            throw new HttpParseException(400, "the request line must be METHOD SP target SP HTTP-version");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            int b = head[i] & 0xff;
            if (b <= 0x20 || b == 0x7f) throw new HttpParseException(400, "the request target contains a control character or space");
        }
        version = parseVersion(sp2 + 1, end);
        methodEnd = sp1;
        targetStart = sp1 + 1;
        targetEnd = sp2;
        headMethod = sp1 - start == 4 && head[start] == 'H' && head[start + 1] == 'E' && head[start + 2] == 'A' && head[start + 3] == 'D';
        lineStart = headLength;
        state = HEADERS;
    }

    private HttpVersion parseVersion(int start, int end) throws HttpParseException {
        if (end - start != 8 || head[start] != 'H' || head[start + 1] != 'T' || head[start + 2] != 'T'
                || head[start + 3] != 'P' || head[start + 4] != '/' || !isDigit(head[start + 5])
                || head[start + 6] != '.' || !isDigit(head[start + 7])) {
            throw new HttpParseException(400, "the request line must end in an HTTP version, e.g. HTTP/1.1");
        }
        if (head[start + 5] == '1' && head[start + 7] == '1') return HttpVersion.HTTP_1_1;
        if (head[start + 5] == '1' && head[start + 7] == '0') return HttpVersion.HTTP_1_0;
        throw new HttpParseException(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    }

    private void fieldLine() throws HttpParseException {
        int start = lineStart;
        int end = contentEnd();
        boolean trailer = state == TRAILERS;
        if (end == start) { // the blank line that ends the section
            headLength = lineStart;
            if (trailer) state = COMPLETE;
            else headersDone();
            return;
        }
        headerBytes += headLength - lineStart;
        if (headerBytes > limits.headerSectionMaxBytes()) {
            throw tooLong(true);
        }
        if (head[start] == SP || head[start] == HT) {
            throw new HttpParseException(400, "obsolete line folding (a field line starting with whitespace) is not accepted");
        }
        int colon = indexOf((byte) ':', start, end);
        if (colon < 0) throw new HttpParseException(400, "a header line has no ':'");
        if (colon == start) throw new HttpParseException(400, "a header name is empty");
        for (int i = start; i < colon; i++) {
            if (!TOKEN[head[i] & 0xff]) {
                throw new HttpParseException(400, "a header name contains a character that is not allowed"
                        + " (whitespace before ':' included)");
            }
        }
        int vs = colon + 1;
        while (vs < end && (head[vs] == SP || head[vs] == HT)) vs++;
        int ve = end;
        while (ve > vs && (head[ve - 1] == SP || head[ve - 1] == HT)) ve--;
        for (int i = vs; i < ve; i++) {
            int b = head[i] & 0xff;
            if ((b < 0x20 && b != HT) || b == 0x7f) {
                throw new HttpParseException(400, "a header value contains a control character");
            }
        }
        if (fieldCount * 4 + 4 > fields.length) {
            int[] bigger = new int[fields.length * 2];
            System.arraycopy(fields, 0, bigger, 0, fields.length);
            fields = bigger;
        }
        int f = fieldCount * 4;
        fields[f] = start;
        fields[f + 1] = colon;
        fields[f + 2] = vs;
        fields[f + 3] = ve;
        fieldCount++;
        lineStart = headLength;
        if (!trailer) {
            recognize(start, colon, vs, ve);
        }
    }

    /** Notes the fields that frame the message or decide keep-alive. */
    private void recognize(int ns, int ne, int vs, int ve) throws HttpParseException {
        int len = ne - ns;
        if (len == CONTENT_LENGTH.length && equalsLower(ns, ne, CONTENT_LENGTH)) {
            long value = parseContentLength(vs, ve);
            if (contentLength >= 0 && contentLength != value) {
                throw new HttpParseException(400, "Content-Length is given twice with different values");
            }
            contentLength = value;
        } else if (len == TRANSFER_ENCODING.length && equalsLower(ns, ne, TRANSFER_ENCODING)) {
            if (!equalsLower(vs, ve, CHUNKED)) {
                throw new HttpParseException(501, "the only transfer coding supported is chunked");
            }
            if (chunked) throw new HttpParseException(400, "chunked is applied more than once");
            chunked = true;
        } else if (len == CONNECTION.length && equalsLower(ns, ne, CONNECTION)) {
            connectionTokens(vs, ve);
        } else if (len == EXPECT.length && equalsLower(ns, ne, EXPECT)) {
            expectContinue = equalsLower(vs, ve, CONTINUE_100);
        } else if (len == HOST.length && equalsLower(ns, ne, HOST)) {
            hostCount++;
        }
    }

    private long parseContentLength(int vs, int ve) throws HttpParseException {
        if (vs == ve) throw new HttpParseException(400, "Content-Length is empty");
        long value = 0;
        for (int i = vs; i < ve; i++) {
            if (!isDigit(head[i])) throw new HttpParseException(400, "Content-Length is not a whole number");
            if (value > Long.MAX_VALUE / 10 - 10) { // absurdly large: refuse as too large, never overflow
                throw new HttpParseException(413, "the body is larger than " + limits.bodyMaxBytes() + " bytes");
            }
            value = value * 10 + (head[i] - '0');
        }
        return value;
    }

    private void connectionTokens(int vs, int ve) {
        int i = vs;
        while (i < ve) {
            int comma = indexOf((byte) ',', i, ve);
            int te = comma < 0 ? ve : comma;
            int ts = i;
            while (ts < te && (head[ts] == SP || head[ts] == HT)) ts++;
            int tEnd = te;
            while (tEnd > ts && (head[tEnd - 1] == SP || head[tEnd - 1] == HT)) tEnd--;
            if (equalsLower(ts, tEnd, CLOSE)) closeToken = true;
            else if (equalsLower(ts, tEnd, KEEP_ALIVE)) keepAliveToken = true;
            i = te + 1;
        }
    }

    private void headersDone() throws HttpParseException {
        trailerStart = fieldCount;
        if (version == HttpVersion.HTTP_1_1 && hostCount == 0) {
            throw new HttpParseException(400, "an HTTP/1.1 request must have a Host header");
        }
        if (hostCount > 1) throw new HttpParseException(400, "the request has more than one Host header");
        if (chunked && contentLength >= 0) {
            throw new HttpParseException(400, "the request has both Content-Length and Transfer-Encoding");
        }
        if (chunked && version == HttpVersion.HTTP_1_0) {
            throw new HttpParseException(400, "Transfer-Encoding is not allowed in an HTTP/1.0 request");
        }
        if (contentLength > limits.bodyMaxBytes()) {
            throw new HttpParseException(413, "the body is larger than " + limits.bodyMaxBytes() + " bytes");
        }
        if (chunked) {
            state = CHUNK_SIZE;
        } else if (contentLength > 0) {
            ensureBody((int) contentLength);
            chunkRemaining = contentLength;
            state = BODY;
        } else {
            state = COMPLETE;
        }
    }

    // ---- bodies ----

    /** Copies up to {@link #chunkRemaining} bytes into the body; true when that many have arrived. */
    private boolean copyBody(ByteBuffer in) {
        int n = (int) Math.min(chunkRemaining, in.remaining());
        in.get(in.position(), body, bodyLength, n);
        in.position(in.position() + n);
        bodyLength += n;
        chunkRemaining -= n;
        return chunkRemaining == 0;
    }

    private void chunkSizeLine() throws HttpParseException {
        int start = lineStart;
        int end = contentEnd();
        long size = 0;
        int i = start;
        while (i < end && hexValue(head[i]) >= 0) {
            if (i - start >= 15) {
                throw new HttpParseException(413, "the body is larger than " + limits.bodyMaxBytes() + " bytes");
            }
            size = size * 16 + hexValue(head[i]);
            i++;
        }
        if (i == start) throw new HttpParseException(400, "a chunk does not start with a hexadecimal size");
        while (i < end && (head[i] == SP || head[i] == HT)) i++;
        if (i < end && head[i] != ';') throw new HttpParseException(400, "a chunk size is followed by something other than ';'");
        headLength = lineStart; // chunk-size lines are not kept
        if (bodyLength + size > limits.bodyMaxBytes()) {
            throw new HttpParseException(413, "the body is larger than " + limits.bodyMaxBytes() + " bytes");
        }
        if (size == 0) {
            state = TRAILERS;
            return;
        }
        ensureBody((int) (bodyLength + size));
        chunkRemaining = size;
        state = CHUNK_DATA;
    }

    private void chunkDataEnd(byte b) throws HttpParseException {
        if (state == CHUNK_DATA_CR && b == CR) {
            state = CHUNK_DATA_LF;
        } else if (b == LF) {
            state = CHUNK_SIZE;
        } else {
            throw new HttpParseException(400, "chunk data is not followed by CRLF");
        }
    }

    private void ensureBody(int size) {
        if (size > body.length) {
            byte[] bigger = new byte[Math.max(size, Math.min(limits.bodyMaxBytes(), body.length * 2))];
            System.arraycopy(body, 0, bigger, 0, bodyLength);
            body = bigger;
        }
    }

    // ---- between requests ----

    private void clearRequest() {
        state = REQUEST_LINE;
        headLength = 0;
        lineStart = 0;
        emptyLinesSkipped = 0;
        headerBytes = 0;
        fieldCount = 0;
        trailerStart = 0;
        version = null;
        contentLength = -1;
        chunked = false;
        closeToken = false;
        keepAliveToken = false;
        expectContinue = false;
        hostCount = 0;
        headMethod = false;
        bodyLength = 0;
        chunkRemaining = 0;
        if (body.length > BODY_KEEP_BYTES) body = new byte[0];
        request.clear();
    }

    // ---- bytes ----

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] == b) return i;
        }
        return -1;
    }

    /** Whether head[from, to) equals {@code lower} ignoring ASCII case; {@code lower} is lower-case. */
    private boolean equalsLower(int from, int to, byte[] lower) {
        if (to - from != lower.length) return false;
        for (int i = 0; i < lower.length; i++) {
            byte b = head[from + i];
            if (b >= 'A' && b <= 'Z') b += 32;
            if (b != lower[i]) return false;
        }
        return true;
    }

    private boolean equalsIgnoreCase(int from, int to, String name) {
        if (to - from != name.length()) return false;
        for (int i = 0; i < name.length(); i++) {
            int a = head[from + i];
            int b = name.charAt(i);
            if (a >= 'A' && a <= 'Z') a += 32;
            if (b >= 'A' && b <= 'Z') b += 32;
            if (a != b) return false;
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private String latin1(int from, int to) {
        return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The handler's view of the current request: strings made on first use. */
    private final class Request implements HttpRequest {
        private String method;
        private String target;

        void clear() {
            method = null;
            target = null;
        }

        @Override
        public String method() {
            if (method == null) {
                for (String known : KNOWN_METHODS) {
                    if (equalsCase(known)) {
                        return method = known;
                    }
                }
                method = latin1(0, methodEnd);
            }
            return method;
        }

        private boolean equalsCase(String known) {
            if (known.length() != methodEnd) return false;
            for (int i = 0; i < methodEnd; i++) {
                if (head[i] != known.charAt(i)) return false;
            }
            return true;
        }

        @Override
        public String target() {
            if (target == null) target = latin1(targetStart, targetEnd);
            return target;
        }

        @Override
        public HttpVersion version() {
            return version;
        }

        @Override
        public Optional<String> header(String name) {
            return find(name, 0, trailerStart);
        }

        @Override
        public int headerCount() {
            return trailerStart;
        }

        @Override
        public String headerName(int index) {
            checkIndex(index);
            return latin1(fields[index * 4], fields[index * 4 + 1]);
        }

        @Override
        public String headerValue(int index) {
            checkIndex(index);
            return latin1(fields[index * 4 + 2], fields[index * 4 + 3]);
        }

        private void checkIndex(int index) {
            if (index < 0 || index >= trailerStart) {
                throw new IndexOutOfBoundsException("header " + index + " (the request has " + trailerStart + ")");
            }
        }

        @Override
        public Optional<String> trailer(String name) {
            return find(name, trailerStart, fieldCount);
        }

        private Optional<String> find(String name, int from, int to) {
            for (int i = from; i < to; i++) {
                if (equalsIgnoreCase(fields[i * 4], fields[i * 4 + 1], name)) {
                    return Optional.of(latin1(fields[i * 4 + 2], fields[i * 4 + 3]));
                }
            }
            return Optional.empty();
        }

        @Override
        public int bodyLength() {
            return bodyLength;
        }

        @Override
        public ByteBuffer body() {
            return ByteBuffer.wrap(body, 0, bodyLength).slice().asReadOnlyBuffer();
        }

        @Override
        public String toString() {
            return method() + " " + target() + " " + version.text();
        }
    }
}
