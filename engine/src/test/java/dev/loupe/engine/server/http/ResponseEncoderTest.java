package dev.loupe.engine.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ResponseEncoderTest {
    private final ResponseEncoder encoder =
            new ResponseEncoder(new HttpDate(InstantSource.fixed(Instant.parse("2026-03-04T05:06:07Z"))));

    private String encode(HttpResponse response, Persistence persistence) {
        ByteBuffer out = ByteBuffer.allocate(encoder.maxHeadLength(response) + response.bodyLength());
        int max = encoder.maxHeadLength(response);
        encoder.putHead(response, persistence, out);
        assertThat(out.position()).isLessThanOrEqualTo(max);
        int from = 0;
        while (from < response.bodyLength()) {
            from += response.putBody(from, out);
        }
        return new String(out.array(), 0, out.position(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesStatusDateFieldsLengthAndBody() {
        HttpResponse hello = HttpResponse.of(200, "text/plain", "Hello, World!".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(hello, Persistence.KEEP_ALIVE)).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Date: Wed, 04 Mar 2026 05:06:07 GMT\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 13\r\n"
                + "\r\n"
                + "Hello, World!");
    }

    @Test
    void saysCloseOrKeepAliveWhenTheRuleNeedsIt() {
        HttpResponse empty = HttpResponse.empty(404).withHeader("X-Why", "gone");
        assertThat(encode(empty, Persistence.CLOSE)).isEqualTo("HTTP/1.1 404 Not Found\r\n"
                + "Date: Wed, 04 Mar 2026 05:06:07 GMT\r\n"
                + "Connection: close\r\n"
                + "X-Why: gone\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertThat(encode(empty, Persistence.KEEP_ALIVE_1_0)).contains("\r\nConnection: keep-alive\r\n");
    }

    @Test
    void noContentHasNoLength() {
        assertThat(encode(HttpResponse.empty(204), Persistence.KEEP_ALIVE)).isEqualTo("HTTP/1.1 204 No Content\r\n"
                + "Date: Wed, 04 Mar 2026 05:06:07 GMT\r\n\r\n");
    }
}
