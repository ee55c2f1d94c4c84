package dev.loupe.app;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The findings, in Clinic.js Doctor's manner: one headline finding (the first red one, else the first; or the one clicked)
 * with its severity, evidence and what to try, the full list below, and what the words mean. Live
 * during the run, final at its end.
 */
final class FindingsView extends VBox {
    /** The jargon the findings use, each in one sentence. */
    static final String GLOSSARY = """
            Dispatch delay: how late a probe handed to each event loop, pool or scheduler every 10 ms ran; a blocked loop makes every request behind it wait that long.

            Coordinated omission: a load generator that waits for slow answers before sending more hides the worst latencies; corrected latency counts from when each request was due, uncorrected (dashed) from when it was sent.

            Sawtooth: the heap rises as objects are allocated and drops at each collection; a floor that stays level is healthy, a floor that climbs is a leak.

            Pinning: a virtual thread that blocks inside synchronized code or a native call holds its carrier thread, so fewer carriers are left for everyone else.""";

    private final ObservableList<Finding> findings;
    private final ObservableBooleanValue finished;
    private final VBox headline = new VBox(6);
    private final VBox others = new VBox(4);
    private Finding chosen;
    /** What is on screen: the findings as last shown, the headline's rule, and the labels that show them. */
    private List<Finding> shown = List.of();
    private String shownTop;
    private boolean shownFinished;
    private boolean drawn;
    private final Map<String, Label> labels = new HashMap<>();

    /** @param finished whether a run has ended: its findings are then final */
    FindingsView(ObservableList<Finding> findings, ObservableBooleanValue finished) {
        this.findings = findings;
        this.finished = finished;
        Label heading = new Label("FINDINGS");
        heading.setStyle("-fx-font-weight: bold;");
        headline.setId("headline");
        headline.setPadding(new Insets(8));
        others.setId("otherFindings");
        Label glossaryText = new Label(GLOSSARY);
        glossaryText.setWrapText(true);
        TitledPane glossary = new TitledPane("What these words mean", glossaryText);
        glossary.setId("glossary");
        glossary.setExpanded(false);
        glossary.setMinWidth(0); // its title would otherwise hold the panel wider than a small window leaves it
        glossary.setStyle("-fx-font-size: 12px;");
        VBox content = new VBox(10, headline, others, glossary);
        content.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setId("findings");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        setMinWidth(220);
        setPrefWidth(300);
        getChildren().addAll(heading, scroll);
        findings.addListener((ListChangeListener<Finding>) c -> show());
        finished.addListener((o, was, now) -> show());
        show();
    }

    private void show() {
        if (chosen != null && findings.stream().noneMatch(f -> f.rule().equals(chosen.rule()))) {
            chosen = null;
        }
        Finding top = chosen != null ? findings.stream().filter(f -> f.rule().equals(chosen.rule())).findFirst().orElseThrow()
                : findings.stream().filter(f -> f.severity() == Severity.RED).findFirst()
                        .orElse(findings.isEmpty() ? null : findings.getFirst());
        List<Finding> now = List.copyOf(findings);
        if (drawn && now.equals(shown) && finished.get() == shownFinished && Objects.equals(shownTop, top == null ? null : top.rule())) {
            return; // the same findings: nothing to lay out again
        }
        boolean sameRules = top != null && Objects.equals(shownTop, top.rule())
                && now.stream().map(FindingsView::ruleAndSeverity).toList()
                        .equals(shown.stream().map(FindingsView::ruleAndSeverity).toList());
        drawn = true;
        shown = now;
        shownTop = top == null ? null : top.rule();
        shownFinished = finished.get();
        if (sameRules) {
            // live findings change their numbers every second: new words in the labels there are, no new nodes
            labels.get("headlineTitle").setText(top.title());
            labels.get("headlineAdvice").setText("Try: " + top.advice());
            labels.get("headlineEvidence").setText(top.evidence());
            for (Finding f : now) {
                Label row = labels.get("finding-" + f.rule());
                if (row != null) {
                    row.setText(rowText(f));
                }
            }
            return;
        }
        labels.clear();
        headline.getChildren().clear();
        others.getChildren().clear();
        if (top == null) {
            Label none = new Label(finished.get()
                    ? "Nothing stood out: no rule found a problem in this run. SUMMARY.md in the run folder has the numbers."
                    : "No findings yet. They appear a few seconds into a run, and are final when it ends.");
            none.setId("noFindings");
            none.setWrapText(true);
            headline.getChildren().add(none);
            headline.setStyle("");
            return;
        }
        String colour = hex(top.severity());
        headline.setStyle("-fx-border-color: " + colour + "; -fx-border-width: 0 0 0 4; -fx-background-color: "
                + colour + "1F;");
        Label word = new Label(icon(top.severity()) + " " + top.severity().toString().toUpperCase(Locale.ROOT));
        word.setId("headlineSeverity");
        word.setStyle("-fx-font-weight: bold; -fx-text-fill: " + colour + ";");
        Label title = wrapped(top.title(), "headlineTitle");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        Label advice = wrapped("Try: " + top.advice(), "headlineAdvice");
        Label evidence = wrapped(top.evidence(), "headlineEvidence");
        evidence.setStyle("-fx-font-size: 11px;");
        Label evidenceHeading = new Label("Evidence");
        evidenceHeading.setStyle("-fx-font-weight: bold; -fx-font-size: 11px;");
        headline.getChildren().addAll(word, title, advice, evidenceHeading, evidence);
        for (Finding f : findings) {
            if (f == top || f.rule().equals(top.rule())) {
                continue;
            }
            Label row = wrapped(rowText(f), "finding-" + f.rule());
            row.setStyle("-fx-cursor: hand; -fx-padding: 4 6 4 6; -fx-border-color: " + hex(f.severity())
                    + "; -fx-border-width: 0 0 0 3;");
            row.setOnMouseClicked(e -> {
                chosen = f;
                show();
            });
            others.getChildren().add(row);
        }
    }

    private static String ruleAndSeverity(Finding f) {
        return f.rule() + " " + f.severity();
    }

    private static String rowText(Finding f) {
        return icon(f.severity()) + " " + f.severity().toString().toUpperCase(Locale.ROOT) + "  " + f.title();
    }

    private Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        labels.put(id, l);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static String icon(Severity s) {
        return switch (s) {
            case RED -> "●";
            case YELLOW -> "▲";
            case GREEN -> "✓";
        };
    }

    static String hex(Severity s) {
        return switch (s) {
            case GREEN -> "#2E7D32";
            case YELLOW -> "#F9A825";
            case RED -> "#C62828";
        };
    }
}
