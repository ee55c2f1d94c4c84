package dev.loupe.engine.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt names: the closest candidate by edit distance, if it is close enough. */
final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate nearest to {@code input}, counting a swap of two neighbouring letters as one
     * edit and ignoring case; only if at most a third of the input's letters (and at least one)
     * would change. Ties go to the earlier candidate.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String typed = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, typed.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Text for a message: {@code did you mean 'connections'?}, or empty. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
