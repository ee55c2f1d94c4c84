package dev.loupe.engine.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A {@link RequestSpec} encoded to bytes once, before the run: either the whole request (no
 * placeholders), or the literal pieces between placeholders, filled per request into a
 * connection's own buffer without allocating (given allocation-free {@link PlaceholderValue}s).
 */
final class EncodedRequest {
    private final boolean head;
    private final ByteBuffer fixed; // the whole request, direct and read-only; null when templated
    private final byte[][] literals; // literal 0, value 0, literal 1, … literal k
    private final PlaceholderValue[] values;
    private final int maxBytes;
    private final int initialTemplateBytes;

    private EncodedRequest(boolean head, ByteBuffer fixed, byte[][] literals, PlaceholderValue[] values, int maxBytes) {
        this.head = head;
        this.fixed = fixed;
        this.literals = literals;
        this.values = values;
        this.maxBytes = maxBytes;
        this.initialTemplateBytes = values == null ? 0 : Math.min(maxBytes, maxBytes - values.length * (PlaceholderValue.MAX_BYTES - 64));
    }

    static EncodedRequest encode(RequestSpec spec, LoadTarget target, boolean keepAlive,
            Map<String, PlaceholderValue> placeholders) {
        StringBuilder tail = new StringBuilder(" HTTP/1.1\r\n");
        boolean hasHost = false;
        boolean hasLength = false;
        boolean hasConnection = false;
        for (RequestSpec.Header h : spec.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            hasHost |= name.equals("host");
            hasLength |= name.equals("content-length");
            hasConnection |= name.equals("connection");
        }
        if (!hasHost) {
            tail.append("Host: ").append(target.hostHeader()).append("\r\n");
        }
        for (RequestSpec.Header h : spec.headers()) {
            tail.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (!hasLength && spec.needsContentLength()) {
            tail.append("Content-Length: ").append(spec.bodyLength()).append("\r\n");
        }
        if (!keepAlive && !hasConnection) {
            tail.append("Connection: close\r\n");
        }
        tail.append("\r\n");
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        last.writeBytes(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
        last.writeBytes(spec.bodyShared());

        List<byte[]> pieces = new ArrayList<>();
        List<PlaceholderValue> valueList = new ArrayList<>();
        String path = spec.pathTemplate();
        Matcher m = RequestSpec.placeholderPattern().matcher(path);
        StringBuilder literal = new StringBuilder(spec.method()).append(' ');
        int at = 0;
        while (m.find()) {
            literal.append(path, at, m.start());
            pieces.add(ascii(literal));
            literal.setLength(0);
            valueList.add(placeholders.get(m.group(1)));
            at = m.end();
        }
        literal.append(path, at, path.length());
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        first.writeBytes(ascii(literal));
        if (valueList.isEmpty()) {
            first.writeBytes(last.toByteArray());
            byte[] whole = first.toByteArray();
            ByteBuffer buffer = ByteBuffer.allocateDirect(whole.length).put(whole).flip();
            return new EncodedRequest(spec.isHead(), buffer.asReadOnlyBuffer(), null, null, whole.length);
        }
        first.writeBytes(last.toByteArray());
        pieces.add(first.toByteArray());
        int literalBytes = 0;
        for (byte[] piece : pieces) {
            literalBytes += piece.length;
        }
        return new EncodedRequest(spec.isHead(), null, pieces.toArray(byte[][]::new),
                valueList.toArray(PlaceholderValue[]::new), literalBytes + valueList.size() * PlaceholderValue.MAX_BYTES);
    }

    private static byte[] ascii(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    boolean isHead() {
        return head;
    }

    boolean isFixed() {
        return fixed != null;
    }

    /** A new view of the fixed request bytes, for one connection to write from. */
    ByteBuffer newFixedView() {
        return fixed.duplicate();
    }

    /** A connection's first template buffer size: the literals plus 64 bytes per placeholder (it grows when needed). */
    int initialTemplateBytes() {
        return initialTemplateBytes;
    }

    /** The most bytes one request can take, placeholders included. */
    int maxBytes() {
        return maxBytes;
    }

    /**
     * Writes request {@code requestIndex} into {@code out} (cleared first) and flips it for writing.
     * Throws {@link java.nio.BufferOverflowException} if a placeholder value is longer than allowed.
     */
    void fill(long requestIndex, ByteBuffer out) {
        out.clear();
        for (int i = 0; i < values.length; i++) {
            out.put(literals[i]);
            int before = out.position();
            values[i].write(requestIndex, out);
            if (out.position() - before > PlaceholderValue.MAX_BYTES) {
                throw new java.nio.BufferOverflowException();
            }
        }
        out.put(literals[values.length]);
        out.flip();
    }

    /** The bytes of request {@code requestIndex}, for tests and messages. */
    byte[] bytesFor(long requestIndex) {
        ByteBuffer b;
        if (isFixed()) {
            b = newFixedView();
        } else {
            b = ByteBuffer.allocate(maxBytes);
            fill(requestIndex, b);
        }
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
