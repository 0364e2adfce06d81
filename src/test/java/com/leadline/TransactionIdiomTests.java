package com.leadline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/** docs/adr/0004-transactions.md: transactions are opened with templates. */
class TransactionIdiomTests {

    private final JavaClasses application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.leadline");

    @Test
    void noApplicationClassUsesTheTransactionalAnnotation() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Transactional.class)
                .check(application);
    }
}
