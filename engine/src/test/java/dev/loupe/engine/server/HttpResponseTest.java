package dev.loupe.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HttpResponseTest {

    @Test
    void textIsUtf8PlainText() {
        HttpResponse r = HttpResponse.text(201, "grüße");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.reason()).isEqualTo("Created");
        assertThat(r.header("content-type")).contains("text/plain; charset=utf-8");
        assertThat(r.bodyLength()).isEqualTo(7);
        assertThat(r.bodyText()).isEqualTo("grüße");
    }

    @Test
    void theBodyIsCopiedInAndOut() {
        byte[] body = {1, 2, 3};
        HttpResponse r = HttpResponse.of(200, "application/octet-stream", body);
        body[0] = 9;
        r.bodyBytes()[1] = 9;
        assertThat(r.bodyBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void putBodyCopiesWhatFits() {
        HttpResponse r = HttpResponse.text(200, "abcdef");
        ByteBuffer small = ByteBuffer.allocate(4);
        assertThat(r.putBody(0, small)).isEqualTo(4);
        small.clear();
        assertThat(r.putBody(4, small)).isEqualTo(2);
    }

    @Test
    void refusesWhatWouldBreakTheMessage() {
        assertThatThrownBy(() -> HttpResponse.empty(101)).hasMessage("status: 101 (expected: 200..599)");
        assertThatThrownBy(() -> HttpResponse.text(204, "x")).hasMessage("body: 1 bytes (expected: none for status 204)");
        assertThatThrownBy(() -> HttpResponse.empty(200).withHeader("Content-Length", "5"))
                .hasMessageStartingWith("header name: 'Content-Length' (expected: a field the server does not set itself");
        assertThatThrownBy(() -> HttpResponse.empty(200).withHeader("Bad Name", "v"))
                .hasMessage("header name: 'Bad Name' (expected: an HTTP token)");
        assertThatThrownBy(() -> HttpResponse.empty(200).withHeader("X-Split", "a\r\nSet-Cookie: b"))
                .hasMessageContaining("header X-Split: value contains a control");
    }
}
