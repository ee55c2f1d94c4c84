package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds the response in pieces of {@code step} bytes; returns the parser and the bytes used. */
    private static int feed(ResponseParser p, byte[] data, int step) {
        int used = 0;
        for (int from = 0; from < data.length && !p.isComplete() && !p.isMalformed(); from += step) {
            int to = Math.min(data.length, from + step);
            used = p.parse(data, from, to);
        }
        return used;
    }

    private static ResponseParser parsed(String response, int step) {
        ResponseParser p = new ResponseParser();
        p.reset(false);
        feed(p, bytes(response), step);
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void contentLengthInAnySplit(int step) {
        ResponseParser p = parsed("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello", step);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.closeAfter()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 1000})
    void chunkedWithExtensionsAndTrailersInAnySplit(int step) {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n"
                + "1A;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n";
        ResponseParser p = new ResponseParser();
        p.reset(false);
        byte[] data = bytes(response + "EXTRA");
        int used = feed(p, data, step);
        assertThat(p.isComplete()).isTrue();
        assertThat(used).as("stops at the end of the response").isEqualTo(response.length());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 1000})
    void lookAlikeHeaderNamesAreNotMistaken(int step) {
        ResponseParser p = parsed("HTTP/1.1 200 OK\r\nContent-Lengthy: 99\r\nConnection-Info: close\r\n"
                + "Content-Type: text/plain; a=b\r\nContent-Length: 2\r\n\r\nok", step);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.closeAfter()).isFalse();
    }

    @Test
    void stopsExactlyAtTheEndOfAFixedBody() {
        ResponseParser p = new ResponseParser();
        p.reset(false);
        byte[] data = bytes("HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nabcHTTP/1.1 200");
        int used = p.parse(data, 0, data.length);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.status()).isEqualTo(404);
        assertThat(used).isEqualTo(data.length - "HTTP/1.1 200".length());
    }

    @Test
    void connectionCloseAndHttp10() {
        assertThat(parsed("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 100).closeAfter()).isTrue();
        assertThat(parsed("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, CLOSE\r\nContent-Length: 0\r\n\r\n", 100).closeAfter()).isTrue();
        assertThat(parsed("HTTP/1.1 200 OK\r\nConnection: closed\r\nContent-Length: 0\r\n\r\n", 100).closeAfter()).isFalse();
        assertThat(parsed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 100).closeAfter()).isTrue();
        assertThat(parsed("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 100).closeAfter()).isFalse();
    }

    @Test
    void bodyUntilCloseCompletesAtEndOfStream() {
        ResponseParser p = parsed("HTTP/1.1 200 OK\r\n\r\nsome body", 100);
        assertThat(p.isComplete()).isFalse();
        assertThat(p.onEndOfStream()).isTrue();
        assertThat(p.isComplete()).isTrue();
        assertThat(p.closeAfter()).isTrue();
    }

    @Test
    void endOfStreamMidBodyIsNotACompleteResponse() {
        ResponseParser p = parsed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 100);
        assertThat(p.onEndOfStream()).isFalse();
        assertThat(p.isComplete()).isFalse();
    }

    @Test
    void headAnd204And304HaveNoBody() {
        ResponseParser head = new ResponseParser();
        head.reset(true);
        byte[] data = bytes("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
        head.parse(data, 0, data.length);
        assertThat(head.isComplete()).isTrue();
        assertThat(parsed("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", 100).isComplete()).isTrue();
        assertThat(parsed("HTTP/1.1 304 Not Modified\r\n\r\n", 100).isComplete()).isTrue();
    }

    @Test
    void interimResponsesAreSkipped() {
        ResponseParser p = parsed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", 1);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.status()).isEqualTo(201);
    }

    @Test
    void reusableAfterReset() {
        ResponseParser p = parsed("HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 3);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.status()).isEqualTo(500);
        p.reset(false);
        assertThat(p.isAtStart()).isTrue();
        byte[] data = bytes("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        p.parse(data, 0, data.length);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage\r\n\r\n",
        "HTTP/2 200 OK\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\n folded: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n11111111111111111\r\n",
        "HTTP/1.1 101 Switching Protocols\r\n\r\n",
    })
    void malformed(String response) {
        assertThat(parsed(response, 1).isMalformed()).as(response).isTrue();
        assertThat(parsed(response, 1000).isMalformed()).as(response).isTrue();
    }

    @Test
    void headersBeyondTheLimitAreMalformed() {
        String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseParser.MAX_HEADER_BYTES) + "\r\n\r\n";
        assertThat(parsed(huge, 4096).isMalformed()).isTrue();
    }

    @Test
    void bigBodiesAreSkippedNotStored() {
        int size = 10_000_000;
        ResponseParser p = new ResponseParser();
        p.reset(false);
        byte[] head = bytes("HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n");
        p.parse(head, 0, head.length);
        byte[] chunk = new byte[65536];
        long left = size;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            assertThat(p.parse(chunk, 0, n)).isEqualTo(n);
            left -= n;
        }
        assertThat(p.isComplete()).isTrue();
    }
}
