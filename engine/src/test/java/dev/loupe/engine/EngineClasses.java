package dev.loupe.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The engine's main classes as ArchUnit sees them, imported once for every layering test. */
public final class EngineClasses {
    private static JavaClasses engine;

    private EngineClasses() {}

    /** Every class under {@code dev.loupe.engine}, tests left out. */
    public static synchronized JavaClasses all() {
        if (engine == null) {
            engine = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.loupe.engine");
        }
        return engine;
    }
}
