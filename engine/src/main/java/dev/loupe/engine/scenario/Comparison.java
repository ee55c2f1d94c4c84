package dev.loupe.engine.scenario;

/** The operator of a threshold condition. */
public enum Comparison {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("==");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written, e.g. {@code <=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code actual} compared with {@code limit} holds, e.g. {@code 42 < 50}. */
    public boolean test(double actual, double limit) {
        return switch (this) {
            case LESS -> actual < limit;
            case LESS_OR_EQUAL -> actual <= limit;
            case GREATER -> actual > limit;
            case GREATER_OR_EQUAL -> actual >= limit;
            case EQUAL -> actual == limit;
        };
    }

    /** The operator written as {@code symbol}, if it is one. */
    public static java.util.Optional<Comparison> bySymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
