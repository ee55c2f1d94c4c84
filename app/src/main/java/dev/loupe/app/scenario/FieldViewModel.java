package dev.loupe.app.scenario;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One field of the scenario panel, by its path in the file ({@code load.connections}): the text the
 * user sees and types (empty when the file leaves the field to its preset or default), what that
 * default resolves to, and the engine's message when the value is refused. Confined to the FX thread
 * (or a test's thread); the editor listens to {@link #text} and updates the document.
 */
public final class FieldViewModel {
    private final String path;
    private final String label;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper resolved = new ReadOnlyStringWrapper(this, "resolved", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    FieldViewModel(String path, String label) {
        this.path = Objects.requireNonNull(path, "path");
        this.label = Objects.requireNonNull(label, "label");
    }

    /** The field's path in a scenario file, as {@code --set} takes it. */
    public String path() {
        return path;
    }

    /** What the panel calls it, e.g. {@code Connections}. */
    public String label() {
        return label;
    }

    /** The value as the file gives it; empty: the file leaves it to the preset or the default. */
    public StringProperty textProperty() {
        return text;
    }

    /** The value the scenario resolves to when the file gives none, e.g. {@code 10} from the light preset. */
    public ReadOnlyStringProperty resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    /** The engine's message when the value is refused, e.g. {@code 0 (expected: 1..100000)}; empty when fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setResolved(String value) {
        resolved.set(value == null ? "" : value);
    }

    void setProblem(String message) {
        problem.set(message == null ? "" : message);
    }

    /** Sets the text from the document without it counting as the user's edit. */
    void load(String value) {
        text.set(value == null ? "" : value);
    }
}
