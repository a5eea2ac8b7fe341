package fr.ameli.compte;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Keeps the arrows pointing inwards (docs/ARCHITECTURE.md): web → application → domain ←
 * infrastructure. The web sees the adapters only through application ports (settings,
 * FranceConnect, metrics by an interceptor binding), never their classes.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.ameli.compte");
    }

    @Test
    void layers_only_use_the_layers_beneath_them() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("fr.ameli.compte.web..")
                .layer("application").definedBy("fr.ameli.compte.application..")
                .layer("infrastructure").definedBy("fr.ameli.compte.infrastructure..")
                .layer("domain").definedBy("fr.ameli.compte.domain..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("web", "infrastructure")
                .whereLayer("infrastructure").mayNotBeAccessedByAnyLayer()
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "infrastructure", "web")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_web_layer_uses_no_adapter_of_the_infrastructure() {
        noClasses().that().resideInAPackage("fr.ameli.compte.web..")
                .should().dependOnClassesThat().resideInAPackage("fr.ameli.compte.infrastructure..")
                .check(classes);
    }

    @Test
    void the_domain_uses_only_the_jdk_and_jpa_annotations() {
        classes().that().resideInAPackage("fr.ameli.compte.domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("fr.ameli.compte.domain..", "java..", "javax.crypto..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void services_never_see_faces_types() {
        noClasses().that().resideOutsideOfPackage("fr.ameli.compte.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
