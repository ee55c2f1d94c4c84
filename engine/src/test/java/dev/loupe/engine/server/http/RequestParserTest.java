package dev.loupe.engine.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {
    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS;

    /** What a handler could see of one request, copied out of the parser's reused storage. */
    record Seen(String method, String target, HttpVersion version, List<String> headers, String body,
            Optional<String> trailer, boolean keepAlive, boolean head) {}

    private static Seen seen(RequestParser parser) {
        HttpRequest r = parser.request();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < r.headerCount(); i++) {
            headers.add(r.headerName(i) + "=" + r.headerValue(i));
        }
        return new Seen(r.method(), r.target(), r.version(), headers, r.bodyText(), r.trailer("X-Checksum"),
                parser.keepAlive(), parser.isHeadRequest());
    }

    /** Feeds the pieces one after another, as separate reads would deliver them. */
    private static List<Seen> parse(HttpLimits limits, byte[]... pieces) throws HttpParseException {
        RequestParser parser = new RequestParser(limits);
        List<Seen> out = new ArrayList<>();
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece);
            while (parser.parse(in)) {
                out.add(seen(parser));
            }
            assertThat(in.hasRemaining()).as("a false parse consumed every byte").isFalse();
        }
        return out;
    }

    private static List<Seen> parse(String... pieces) throws HttpParseException {
        return parse(LIMITS, java.util.Arrays.stream(pieces).map(RequestParserTest::bytes).toArray(byte[][]::new));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static HttpParseException refusal(HttpLimits limits, String raw) {
        return catchThrowableOfType(HttpParseException.class, () -> parse(limits, bytes(raw)));
    }

    private static HttpParseException refusal(String raw) {
        return refusal(LIMITS, raw);
    }

    // ---- the request line and headers ----

    @Test
    void readsRequestLineAndHeadersWithCaseInsensitiveNames() throws Exception {
        RequestParser parser = new RequestParser(LIMITS);
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /json/100?x=1 HTTP/1.1\r\nHost: a\r\nX-Thing:  spaced value \t\r\n\r\n"));
        assertThat(parser.parse(in)).isTrue();
        HttpRequest r = parser.request();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.target()).isEqualTo("/json/100?x=1");
        assertThat(r.path()).isEqualTo("/json/100");
        assertThat(r.version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(r.header("x-thing")).contains("spaced value");
        assertThat(r.header("HOST")).contains("a");
        assertThat(r.header("missing")).isEmpty();
        assertThat(r.headerCount()).isEqualTo(2);
        assertThat(r.headerName(1)).isEqualTo("X-Thing");
        assertThat(r.bodyLength()).isZero();
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void anUnusualMethodIsKeptAsSent() throws Exception {
        assertThat(parse("PROPFIND / HTTP/1.1\r\nHost: a\r\n\r\n").getFirst().method()).isEqualTo("PROPFIND");
    }

    @Test
    void headRequestsAreRecognised() throws Exception {
        assertThat(parse("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n").getFirst().head()).isTrue();
        assertThat(parse("HEADX / HTTP/1.1\r\nHost: a\r\n\r\n").getFirst().head()).isFalse();
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreIgnored() throws Exception {
        assertThat(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")).hasSize(1);
    }

    @Test
    void bareLineFeedsEndLinesToo() throws Exception {
        Seen s = parse("GET / HTTP/1.1\nHost: a\n\n").getFirst();
        assertThat(s.headers()).containsExactly("Host=a");
    }

    // ---- keep-alive rules ----

    @Test
    void keepAliveFollowsTheVersionAndTheConnectionHeader() throws Exception {
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n").getFirst().keepAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").getFirst().keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.1\r\nHost: a\r\nconnection: Upgrade, CLOSE\r\n\r\n").getFirst().keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").getFirst().keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").getFirst().keepAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n").getFirst().keepAlive()).isFalse();
    }

    @Test
    void theConnectionHeaderOfOneRequestDoesNotLeakIntoTheNext() throws Exception {
        List<Seen> seen = parse("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.0\r\n\r\n");
        assertThat(seen).extracting(Seen::keepAlive).containsExactly(true, false);
    }

    // ---- bodies ----

    @Test
    void readsAContentLengthBody() throws Exception {
        Seen s = parse("POST /q HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").getFirst();
        assertThat(s.body()).isEqualTo("hello");
    }

    @Test
    void decodesAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        List<Seen> seen = parse("POST /q HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1A \r\n, and twenty more bytes!!!\r\n0\r\nX-Checksum: 42\r\n\r\n");
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().body()).isEqualTo("hello, and twenty more bytes!!!");
        assertThat(seen.getFirst().trailer()).contains("42");
        assertThat(seen.getFirst().headers()).containsExactly("Host=a", "Transfer-Encoding=Chunked");
    }

    @Test
    void anEmptyChunkedBodyIsComplete() throws Exception {
        Seen s = parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").getFirst();
        assertThat(s.body()).isEmpty();
        assertThat(s.trailer()).isEmpty();
    }

    @Test
    void pipelinedRequestsComeOutOneByOneInOrderAndLeaveTheRestBuffered() throws Exception {
        RequestParser parser = new RequestParser(LIMITS);
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
                + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\nGET /4 HT"));
        assertThat(parser.parse(in)).isTrue();
        assertThat(parser.request().target()).isEqualTo("/1");
        assertThat(in.remaining()).isPositive();
        assertThat(parser.parse(in)).isTrue();
        assertThat(parser.request().target()).isEqualTo("/2");
        assertThat(parser.request().bodyText()).isEqualTo("hi");
        assertThat(parser.parse(in)).isTrue();
        assertThat(parser.request().target()).isEqualTo("/3");
        assertThat(parser.request().bodyLength()).isZero();
        assertThat(parser.parse(in)).isFalse();
        assertThat(parser.isIdle()).isFalse();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("TP/1.1\r\nHost: a\r\n\r\n")))).isTrue();
        assertThat(parser.request().target()).isEqualTo("/4");
    }

    // ---- every split, so blocking reads and selector loops see the same requests ----

    private static final List<String> MESSAGES = List.of(
            "GET /a?b=c HTTP/1.1\r\nHost: example\r\nAccept: */*\r\nX-Empty:\r\n\r\n",
            "POST /json/100 HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n{\"k\": \"v\"}\n",
            "PUT /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-Checksum: 9\r\n\r\n",
            "\r\nGET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nHEAD /2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

    @Test
    void splittingTheInputAtEveryByteBoundaryChangesNothing() throws Exception {
        for (String message : MESSAGES) {
            byte[] whole = bytes(message);
            List<Seen> expected = parse(LIMITS, whole);
            assertThat(expected).isNotEmpty();
            for (int cut = 0; cut <= whole.length; cut++) {
                byte[] a = java.util.Arrays.copyOfRange(whole, 0, cut);
                byte[] b = java.util.Arrays.copyOfRange(whole, cut, whole.length);
                assertThat(parse(LIMITS, a, b)).as("cut at %d of %s", cut, message).isEqualTo(expected);
            }
            byte[][] single = new byte[whole.length][];
            for (int i = 0; i < whole.length; i++) {
                single[i] = new byte[] {whole[i]};
            }
            assertThat(parse(LIMITS, single)).as("byte by byte: %s", message).isEqualTo(expected);
        }
    }

    // ---- limits ----

    private static String requestLineOf(int length) {
        String prefix = "GET /";
        String suffix = " HTTP/1.1";
        return prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void aRequestLineAtTheLimitIsAcceptedAndOneByteMoreIs414() throws Exception {
        int max = LIMITS.requestLineMaxBytes();
        assertThat(parse(requestLineOf(max) + "\r\nHost: a\r\n\r\n")).hasSize(1);
        assertThat(refusal(requestLineOf(max + 1) + "\r\nHost: a\r\n\r\n").status()).isEqualTo(414);
        assertThat(refusal(requestLineOf(max + 1) + "\nHost: a\r\n\r\n").status()).isEqualTo(414);
    }

    @Test
    void anOverlongRequestLineIsRefusedBeforeItsEndArrives() {
        String start = "GET /" + "a".repeat(LIMITS.requestLineMaxBytes() + 10); // no line end yet
        assertThat(refusal(start).status()).isEqualTo(414);
    }

    /** Header lines of exactly {@code bytes}, line endings included. */
    private static String headersOf(int bytes) {
        StringBuilder sb = new StringBuilder("Host: a\r\n");
        while (sb.length() + 1000 < bytes) {
            sb.append("X-Filler: ").append("f".repeat(1000 - 12)).append("\r\n");
        }
        int rest = bytes - sb.length();
        sb.append("X-Last: ").append("l".repeat(rest - 10)).append("\r\n");
        assertThat(sb.length()).isEqualTo(bytes);
        return sb.toString();
    }

    @Test
    void aHeaderSectionAtTheLimitIsAcceptedAndOneByteMoreIs431() throws Exception {
        int max = LIMITS.headerSectionMaxBytes();
        assertThat(parse("GET / HTTP/1.1\r\n" + headersOf(max) + "\r\n")).hasSize(1);
        assertThat(refusal("GET / HTTP/1.1\r\n" + headersOf(max + 1) + "\r\n").status()).isEqualTo(431);
    }

    @Test
    void anEndlessHeaderLineIsRefusedBeforeItsEndArrives() {
        assertThat(refusal("GET / HTTP/1.1\r\nX-Long: " + "x".repeat(LIMITS.headerSectionMaxBytes() + 10)).status())
                .isEqualTo(431);
    }

    @Test
    void trailersCountTowardTheHeaderLimit() {
        HttpLimits small = LIMITS.withHeaderSectionMaxBytes(100);
        String request = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: " + "t".repeat(80) + "\r\n\r\n";
        assertThat(refusal(small, request).status()).isEqualTo(431);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnyOfItArrives() throws Exception {
        int max = LIMITS.bodyMaxBytes();
        assertThat(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + (max + 1) + "\r\n\r\n").status())
                .isEqualTo(413);
        assertThat(refusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n").status())
                .isEqualTo(413);
        assertThat(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + max + "\r\n\r\n" + "b".repeat(max))
                .getFirst().body()).hasSize(max);
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIs413() {
        HttpLimits small = LIMITS.withBodyMaxBytes(10);
        String request = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n3\r\n";
        assertThat(refusal(small, request).status()).isEqualTo(413);
        assertThat(refusal(small, "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n")
                .status()).isEqualTo(413);
    }

    // ---- refusals ----

    @ParameterizedTest(name = "400 for {0}")
    @ValueSource(strings = {
        "GET /\r\nHost: a\r\n\r\n", // no version
        "GET / http/1.1\r\nHost: a\r\n\r\n", // version is case-sensitive
        "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", // two spaces
        "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", // trailing space
        " GET / HTTP/1.1\r\nHost: a\r\n\r\n", // empty method
        "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", // method not a token
        "GET /a\u0001b HTTP/1.1\r\nHost: a\r\n\r\n", // control character in target
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n", // whitespace before the colon
        "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n  folded\r\n\r\n", // obsolete line folding
        "GET / HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n: empty name\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u0000c\r\n\r\n", // NUL in a value
        "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", // bare CR in a value
        "GET / HTTP/1.1\r\n\r\n", // HTTP/1.1 without Host
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\rX",
        "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n", // too many empty lines first
    })
    void malformedInputIs400(String raw) {
        HttpParseException refused = refusal(raw);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).isNotBlank();
    }

    @ParameterizedTest(name = "505 for {0}")
    @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"})
    void unknownVersionsAre505(String version) {
        assertThat(refusal("GET / " + version + "\r\nHost: a\r\n\r\n").status()).isEqualTo(505);
    }

    @Test
    void transferCodingsOtherThanChunkedAre501() {
        assertThat(refusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").status())
                .isEqualTo(501);
    }

    @Test
    void aParserThatRefusedCannotBeUsedAgain() {
        RequestParser parser = new RequestParser(LIMITS);
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/9.9\r\n"))))
                .isInstanceOf(HttpParseException.class);
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\n"))))
                .isInstanceOf(IllegalStateException.class);
    }

    // ---- what the connection asks between reads ----

    @Test
    void idleAndHeadersCompleteTrackWhereTheRequestIs() throws Exception {
        RequestParser parser = new RequestParser(LIMITS);
        assertThat(parser.isIdle()).isTrue();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\n")))).isFalse();
        assertThat(parser.isIdle()).isFalse();
        assertThat(parser.headersComplete()).isFalse();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("Content-Length: 3\r\nExpect: 100-continue\r\n\r\n")))).isFalse();
        assertThat(parser.headersComplete()).isTrue();
        assertThat(parser.expectsContinue()).isTrue();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("ab")))).isFalse();
        assertThat(parser.expectsContinue()).as("the body has begun").isFalse();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("c")))).isTrue();
        assertThat(parser.isIdle()).as("between requests").isTrue();
    }

    @Test
    void requestIsOnlyAvailableAfterACompleteParse() {
        assertThatThrownBy(() -> new RequestParser(LIMITS).request()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBodyViewIsReadOnly() throws Exception {
        RequestParser parser = new RequestParser(LIMITS);
        parser.parse(ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi")));
        assertThat(parser.request().body().isReadOnly()).isTrue();
        assertThat(parser.request().body().remaining()).isEqualTo(2);
    }
}
