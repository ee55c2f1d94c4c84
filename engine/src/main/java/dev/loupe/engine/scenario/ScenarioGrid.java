package dev.loupe.engine.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A scenario file's {@code matrix} or {@code sweep}: the runs it asks for, each the file with some
 * fields set as {@code --set} would set them. A matrix's runs are the cartesian product of its axes,
 * the first axis varying slowest; a sweep has one axis, whose values are usually numbers rising (a
 * pool's workers 1, 2, 4, 8, 16).
 *
 * @param kind matrix or sweep
 * @param axes each field path with its values as text, in the file's order
 */
public record ScenarioGrid(Kind kind, List<Axis> axes) {
    /** The most runs one file may ask for. */
    public static final int MAX_CELLS = 64;

    /** Which of the two the file wrote. */
    public enum Kind {
        MATRIX, SWEEP;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One field and the values it takes.
     *
     * @param path the field's path, as {@code --set} names it (e.g. {@code load.keepAlive})
     * @param values its values as text, as {@code --set} takes them
     */
    public record Axis(String path, List<String> values) {
        public Axis {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
        }
    }

    /**
     * One run of the grid.
     *
     * @param index 0, 1, 2… in run order
     * @param assignments each axis's path and the value it has in this run, in axis order
     */
    public record Cell(int index, Map<String, String> assignments) {
        public Cell {
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        }

        /** e.g. {@code server.variant=event-loop, load.keepAlive=true}. */
        public String label() {
            return assignments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        /**
         * The cell's sub-folder: its number and values, a number or a flag after its field's name
         * ({@code 03-event-loop-keepAlive-true}, {@code 02-threads-2}), reduced to letters, digits,
         * dots and dashes.
         */
        public String folderName() {
            String values = assignments.entrySet().stream().map(e -> {
                String v = e.getValue();
                boolean bare = v.equals("true") || v.equals("false") || v.matches("[0-9][0-9.]*[a-z]*");
                String field = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
                return (bare ? field + "-" + v : v).replaceAll("[^A-Za-z0-9.]+", "-");
            }).collect(Collectors.joining("-"));
            return String.format(Locale.ROOT, "%02d-%s", index + 1, values).replaceAll("-+", "-").replaceAll("-$", "");
        }

        /** The cell's assignments as overrides. */
        public Overrides overrides() {
            Overrides o = Overrides.none();
            for (Map.Entry<String, String> e : assignments.entrySet()) {
                o = o.with(e.getKey(), e.getValue());
            }
            return o;
        }
    }

    public ScenarioGrid {
        Objects.requireNonNull(kind, "kind");
        axes = List.copyOf(axes);
    }

    /** How many runs the grid asks for: the product of the axes' sizes. */
    public long size() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    /** Every run, in order: the first axis varies slowest, the last fastest. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        int n = (int) size();
        for (int i = 0; i < n; i++) {
            Map<String, String> assignments = new LinkedHashMap<>();
            int rest = i;
            int stride = n;
            for (Axis a : axes) {
                stride /= a.values().size();
                assignments.put(a.path(), a.values().get(rest / stride));
                rest %= stride;
            }
            cells.add(new Cell(i, assignments));
        }
        return cells;
    }
}
