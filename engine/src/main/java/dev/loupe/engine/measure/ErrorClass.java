package dev.loupe.engine.measure;

/**
 * Why a request failed. Every failed request counts in exactly one class. The JSON names are the
 * ones in {@code result.json}'s {@code summary.errors}.
 */
public enum ErrorClass {
    /** The TCP connection could not be established (refused, unreachable, connect timeout). */
    CONNECT("connect"),
    /** Reading the response failed: reset, or the server closed before the response was complete. */
    READ("read"),
    /** Writing the request failed. */
    WRITE("write"),
    /** No complete response within the request timeout (or before the stop grace ended). */
    TIMEOUT("timeout"),
    /** The bytes received were not an HTTP/1.x response. */
    MALFORMED("malformed"),
    /** A complete response with a 4xx status; its latency is recorded. */
    STATUS_4XX("status4xx"),
    /** A complete response with a 5xx status; its latency is recorded. */
    STATUS_5XX("status5xx");

    private final String jsonName;

    ErrorClass(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The field name in {@code summary.errors}, e.g. {@code status5xx}. */
    public String jsonName() {
        return jsonName;
    }
}
