package dev.loupe.engine.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A parsed {@code http://} URL: the target and the request target (path and query) to send.
 *
 * @param target host and port (80 when the URL names none)
 * @param pathAndQuery the request target, e.g. {@code /json/5?x=1}; {@code /} when the URL has no path
 */
public record HttpUrl(LoadTarget target, String pathAndQuery) {

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException with a message for the user: the URL, what is wrong and what
     *     was expected; {@code https://} is refused because Loupe's load generator speaks plain HTTP/1.1
     */
    public static HttpUrl parse(String url) {
        if (!url.contains("://")) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// URL (expected: http://host[:port][/path]; did you mean http://"
                    + url.strip() + " ?)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason()
                    + " (expected: http://host[:port][/path], e.g. http://127.0.0.1:8080/)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("https is not supported: Loupe's load generator speaks plain HTTP/1.1; use http://"
                    + url.strip().substring("https://".length()));
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// URL (expected: http://host[:port][/path], e.g. http://127.0.0.1:8080/)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no host (expected: http://host[:port][/path], e.g. http://127.0.0.1:8080/)");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + url + "' has user information, which Loupe does not send (expected: http://host[:port][/path]; use -H 'Authorization: …')");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'" + url + "': port " + port + " (expected: 1..65535)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        return new HttpUrl(new LoadTarget(host, port), query == null ? path : path + "?" + query);
    }
}
