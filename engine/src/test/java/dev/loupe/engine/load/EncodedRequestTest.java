package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedRequestTest {
    private static final LoadTarget TARGET = new LoadTarget("127.0.0.1", 8080);

    private static String text(EncodedRequest r, long n) {
        return new String(r.bytesFor(n), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPlainGet() {
        EncodedRequest r = EncodedRequest.encode(RequestSpec.get("/hello?x=1"), TARGET, true, Map.of());
        assertThat(r.isFixed()).isTrue();
        assertThat(text(r, 0)).isEqualTo("GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    }

    @Test
    void headersBodyAndNoKeepAlive() {
        RequestSpec spec = new RequestSpec("POST", "/items",
                List.of(new RequestSpec.Header("Content-Type", "application/json")), "{\"a\":1}".getBytes(), 1);
        EncodedRequest r = EncodedRequest.encode(spec, new LoadTarget("example.test", 80), false, Map.of());
        assertThat(text(r, 0)).isEqualTo("POST /items HTTP/1.1\r\nHost: example.test\r\n"
                + "Content-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");
    }

    @Test
    void anEmptyPostSaysContentLengthZeroAndTheUsersHostWins() {
        RequestSpec spec = new RequestSpec("POST", "/", List.of(RequestSpec.Header.parse("Host: other")), null, 1);
        assertThat(text(EncodedRequest.encode(spec, TARGET, true, Map.of()), 0))
                .isEqualTo("POST / HTTP/1.1\r\nHost: other\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void placeholdersAreFilledPerRequest() {
        RequestSpec spec = new RequestSpec("POST", "/json/{timeInQueueMs}/{id}", List.of(), "x".getBytes(), 1);
        EncodedRequest r = EncodedRequest.encode(spec, TARGET, true, Map.of(
                "timeInQueueMs", PlaceholderValue.ofLong(n -> n * 10),
                "id", PlaceholderValue.ofLong(n -> -n)));
        assertThat(r.isFixed()).isFalse();
        assertThat(text(r, 0)).startsWith("POST /json/0/0 HTTP/1.1\r\n");
        assertThat(text(r, 7)).startsWith("POST /json/70/-7 HTTP/1.1\r\n").endsWith("Content-Length: 1\r\n\r\nx");
    }

    @Test
    void uniformPlaceholderValuesStayInRangeAndRepeatForASeed() {
        PlaceholderValue v = PlaceholderValue.uniformLong(5, 9, 1);
        RequestSpec spec = RequestSpec.get("/{v}");
        EncodedRequest r = EncodedRequest.encode(spec, TARGET, true, Map.of("v", v));
        for (long n = 0; n < 200; n++) {
            String line = text(r, n).split("\r\n")[0];
            int value = Integer.parseInt(line.substring(5, line.indexOf(' ', 5)));
            assertThat(value).isBetween(5, 9);
            assertThat(text(r, n)).isEqualTo(text(r, n));
        }
    }

    @Test
    void specsRejectWhatWouldBreakTheRequest() {
        assertThatThrownBy(() -> RequestSpec.get("no-slash")).hasMessageContaining("path: 'no-slash'");
        assertThatThrownBy(() -> RequestSpec.get("/a b")).hasMessageContaining("space");
        assertThatThrownBy(() -> new RequestSpec("GE T", "/", List.of(), null, 1)).hasMessageContaining("method");
        assertThatThrownBy(() -> RequestSpec.Header.parse("no colon")).hasMessageContaining("'Name: value'");
        assertThatThrownBy(() -> new RequestSpec.Header("X", "a\r\nInjected: 1")).hasMessageContaining("line break");
        assertThatThrownBy(() -> LoadSpec.builder(TARGET).request(RequestSpec.get("/{missing}")).build())
                .hasMessageContaining("placeholders: no value for [missing]");
    }
}
