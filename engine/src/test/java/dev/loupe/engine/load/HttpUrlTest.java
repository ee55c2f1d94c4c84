package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpUrlTest {
    @Test
    void parsesHostPortPathAndQuery() {
        HttpUrl u = HttpUrl.parse("http://127.0.0.1:8080/json/5?x=1&y=%20");
        assertThat(u.target()).isEqualTo(new LoadTarget("127.0.0.1", 8080));
        assertThat(u.pathAndQuery()).isEqualTo("/json/5?x=1&y=%20");
        assertThat(HttpUrl.parse("http://localhost").pathAndQuery()).isEqualTo("/");
        assertThat(HttpUrl.parse("HTTP://localhost/").target().port()).isEqualTo(80);
    }

    @Test
    void ipv6LiteralsLoseTheirBracketsAndRegainThemInTheHostHeader() {
        HttpUrl u = HttpUrl.parse("http://[::1]:9000/");
        assertThat(u.target().host()).isEqualTo("::1");
        assertThat(u.target().hostHeader()).isEqualTo("[::1]:9000");
        assertThat(HttpUrl.parse("http://example.test/").target().hostHeader()).isEqualTo("example.test");
    }

    @Test
    void refusesWhatItCannotLoad() {
        assertThatThrownBy(() -> HttpUrl.parse("https://127.0.0.1:8443/a"))
                .hasMessage("https is not supported: Loupe's load generator speaks plain HTTP/1.1; use http://127.0.0.1:8443/a");
        assertThatThrownBy(() -> HttpUrl.parse("ftp://127.0.0.1/")).hasMessageContaining("is not an http:// URL");
        assertThatThrownBy(() -> HttpUrl.parse("127.0.0.1:8080")).hasMessageContaining("did you mean http://127.0.0.1:8080 ?");
        assertThatThrownBy(() -> HttpUrl.parse("http:///path")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> HttpUrl.parse("http://a b/")).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> HttpUrl.parse("http://user:pw@host/")).hasMessageContaining("user information");
    }
}
