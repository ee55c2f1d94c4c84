package dev.loupe.engine.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request the load generator sends: {@code load.request}, or one entry of {@code load.mix}.
 *
 * @param method the HTTP method in capitals, e.g. {@code GET}
 * @param path the request target, starting with {@code /}; may hold placeholders such as
 *     {@code /json/{timeInQueueMs}} that the load generator fills in
 * @param headers extra request headers, in the order given; {@code Host}, {@code Content-Length}
 *     and {@code Connection} are set by the generator
 * @param body the request body
 */
public record RequestTemplate(String method, String path, Map<String, String> headers, RequestBody body) {
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    /** A path, placeholders in braces; possessive so a long path cannot exhaust the regex stack. */
    static final Pattern PATH = Pattern.compile("/(?:[^\\s{}]++|\\{[A-Za-z][A-Za-z0-9]{0,63}\\})*+");
    static final int MAX_PATH_CHARS = (int) ScenarioLimits.REQUEST_PATH_CHARS.max();
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[^\\x00-\\x08\\x0a-\\x1f\\x7f]{0,8192}");
    private static final java.util.Set<String> GENERATOR_HEADERS =
            java.util.Set.of("host", "content-length", "connection", "transfer-encoding");

    public RequestTemplate {
        FieldChecks checks = new FieldChecks("load.request");
        checks.matches("method", method, METHOD, "an HTTP method in capitals, e.g. GET or POST");
        checks.matches("path", path, PATH,
                "a path starting with /, without spaces, placeholders as {name}, e.g. /json/{timeInQueueMs}");
        if (path != null && !checks.failed("path")) {
            checks.require(path.length() <= MAX_PATH_CHARS, "path", path, "at most " + MAX_PATH_CHARS + " characters");
        }
        checks.present("headers", headers, "an object of header names to values");
        checks.present("body", body, "a body, or RequestBody.NONE");
        if (headers != null) {
            headers.forEach((name, value) -> {
                String field = "headers." + name;
                if (!HEADER_NAME.matcher(name).matches()) {
                    checks.fail(field, FieldChecks.quote(name), "a header name: letters, digits and !#$%&'*+.^_`|~-");
                } else if (GENERATOR_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    checks.fail(field, FieldChecks.quote(name),
                            "a header other than Host, Content-Length, Connection or Transfer-Encoding,"
                                    + " which the load generator sets");
                } else {
                    checks.matches(field, value, HEADER_VALUE, "a header value without line breaks");
                }
            });
        }
        checks.done();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code GET /} with no headers and no body. */
    public static RequestTemplate defaults() {
        return new RequestTemplate(ScenarioDefaults.METHOD, ScenarioDefaults.PATH, Map.of(), RequestBody.NONE);
    }
}
