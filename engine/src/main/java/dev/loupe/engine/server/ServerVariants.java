package dev.loupe.engine.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the server variants on the class path, built-in and plug-in alike. */
public final class ServerVariants {
    private ServerVariants() {}

    /** Every variant found by {@link ServiceLoader}, sorted by name. */
    public static List<ServerVariant> all() {
        List<ServerVariant> found = new ArrayList<>();
        ServiceLoader.load(ServerVariant.class, ServerVariants.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(ServerVariant::name));
        return List.copyOf(found);
    }

    /** The names of {@link #all()}, sorted. */
    public static List<String> names() {
        return all().stream().map(ServerVariant::name).toList();
    }

    /**
     * The variant with this name.
     *
     * @throws IllegalArgumentException naming the unknown variant and listing the known ones
     */
    public static ServerVariant byName(String name) {
        List<ServerVariant> all = all();
        return all.stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown server variant '" + name
                        + "' (expected one of: "
                        + all.stream().map(ServerVariant::name).collect(Collectors.joining(", ")) + ")"));
    }
}
