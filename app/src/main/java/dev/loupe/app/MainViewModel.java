package dev.loupe.app;

import dev.loupe.engine.server.ServerVariant;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the main window: for now, the server variants a user can pick. */
public final class MainViewModel {
    private final ObservableList<VariantItem> variants = FXCollections.observableArrayList();

    public MainViewModel(Supplier<List<ServerVariant>> variantSource) {
        variantSource.get().forEach(v -> variants.add(new VariantItem(v.name(), v.description())));
    }

    /** The variants, by name, with their one-line explanation. */
    public ObservableList<VariantItem> variants() {
        return FXCollections.unmodifiableObservableList(variants);
    }

    /** One row of the variant list. */
    public record VariantItem(String name, String description) {}
}
