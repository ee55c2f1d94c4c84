package dev.loupe.engine.load;

import dev.loupe.engine.checks.ArgumentChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request the generator sends. The generator adds {@code Host} (unless given here),
 * {@code Content-Length} when there is a body (or the method is POST, PUT or PATCH) and
 * {@code Connection: close} when keep-alive is off; everything is encoded to bytes once, before the run.
 *
 * @param method the HTTP method, e.g. {@code GET}, {@code POST} (an HTTP token; kept as given)
 * @param pathTemplate the request target, starting with {@code /}; {@code {name}} placeholders are
 *     filled per request from {@link LoadSpec#placeholders()}, e.g. {@code /json/{timeInQueueMs}}
 * @param headers extra headers, sent in this order
 * @param body the request body (empty for none); copied, never shared
 * @param weight this request's share of a mix, relative to the others' weights (1..1000000)
 */
public record RequestSpec(String method, String pathTemplate, List<Header> headers, byte[] body, int weight) {
    /** The largest weight of a request in a mix. */
    public static final int MAX_WEIGHT = 1000;
    /** The longest path template, in characters. */
    public static final int MAX_PATH_CHARS = 4096;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** One header; the name is an HTTP token, neither part contains CR or LF. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("header name: '" + name + "' (expected: an HTTP token such as X-Request-Id)");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + ": the value contains a line break (expected: one line)");
            }
            value = value.strip();
        }

        /** Parses {@code "Name: value"} as curl and wrk take it. */
        public static Header parse(String line) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header: '" + line + "' (expected: 'Name: value', e.g. 'Accept: application/json')");
            }
            return new Header(line.substring(0, colon).strip(), line.substring(colon + 1));
        }
    }

    public RequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!TOKEN.matcher(method).matches()) {
            throw new IllegalArgumentException("method: '" + method + "' (expected: an HTTP method such as GET or POST)");
        }
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("path: '" + pathTemplate + "' (expected: a path starting with /)");
        }
        for (int i = 0; i < pathTemplate.length(); i++) {
            char c = pathTemplate.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("path: '" + pathTemplate
                        + "' contains a space, control or non-ASCII character (expected: a percent-encoded path)");
            }
        }
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        ArgumentChecks.inRange("weight", weight, 1, MAX_WEIGHT);
    }

    /** {@code GET path}, no headers, no body, weight 1. */
    public static RequestSpec get(String path) {
        return new RequestSpec("GET", path, List.of(), new byte[0], 1);
    }

    /** This request with another weight in a mix. */
    public RequestSpec withWeight(int newWeight) {
        return new RequestSpec(method, pathTemplate, headers, body, newWeight);
    }

    /** This request with one more header. */
    public RequestSpec withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new RequestSpec(method, pathTemplate, more, body, weight);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The placeholder names in {@link #pathTemplate}, in order of appearance. */
    public List<String> placeholderNames() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pathTemplate);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    boolean needsContentLength() {
        if (body.length > 0) {
            return true;
        }
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyShared() {
        return body;
    }

    static Pattern placeholderPattern() {
        return PLACEHOLDER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestSpec r && method.equals(r.method) && pathTemplate.equals(r.pathTemplate)
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && weight == r.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, pathTemplate, headers, Arrays.hashCode(body), weight);
    }

    @Override
    public String toString() {
        return "RequestSpec[" + method + " " + pathTemplate + ", " + headers.size() + " headers, "
                + body.length + " body bytes, weight " + weight + "]";
    }
}
