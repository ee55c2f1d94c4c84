package dev.loupe.engine.analysis;

import java.util.Objects;

/**
 * What a rule found: {@code result.json}'s {@code findings[]} entry.
 *
 * @param rule the rule's id, e.g. {@code dispatch-blocked}
 * @param severity green, yellow or red
 * @param title one line saying what is wrong
 * @param evidence the numbers (with units), frames or classes that show it
 * @param advice what to try
 */
public record Finding(String rule, Severity severity, String title, String evidence, String advice) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(advice, "advice");
    }
}
