package com.leadline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/code-shape.md: inside a module, the sub-packages under {@code internal} depend on each other one way. */
class ModuleLayoutTests {

    private final JavaClasses application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.leadline");

    @Test
    void theSubPackagesOfAModuleHaveNoCircle() {
        slices().matching("com.leadline.(*).internal.(*)..").should().beFreeOfCycles()
                .check(application);
    }

    /** What the aggregates share sits directly in {@code internal}, below them, and so uses none of them. */
    @Test
    void whatSubPackagesShareUsesNoneOfThem() {
        noClasses().that().resideInAPackage("com.leadline.*.internal")
                .should().dependOnClassesThat().resideInAPackage("com.leadline.*.internal.*..")
                .check(application);
    }
}
