package fr.ameli.compte;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows pointing inwards (docs/ARCHITECTURE.md): web → application → domain ←
 * infrastructure. The web sees the adapters only through application ports (settings,
 * FranceConnect, metrics by an interceptor binding), never their classes. Inside each layer, one
 * package per feature (or aggregate), none of them in a cycle with another, and nothing left in
 * the layer's root package.
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

    @Test
    void the_features_of_a_layer_depend_on_each_other_without_a_cycle() {
        for (String layer : new String[] {"application", "domain", "web"}) {
            slices().matching("fr.ameli.compte." + layer + ".(*)..").as(layer + " features")
                    .should().beFreeOfCycles()
                    .check(classes);
        }
    }

    @Test
    void every_class_of_web_application_and_domain_belongs_to_a_feature() {
        noClasses().should().resideInAnyPackage("fr.ameli.compte.web", "fr.ameli.compte.application", "fr.ameli.compte.domain")
                .because("a class belongs to its feature's package (docs/ARCHITECTURE.md « Packages »)")
                .check(classes);
    }

    @Test
    void no_application_type_speaks_of_web_pages() {
        noClasses().that().resideInAPackage("fr.ameli.compte.application..")
                .should().dependOnClassesThat().resideInAPackage("fr.ameli.compte.web..")
                .check(classes);
    }
}
