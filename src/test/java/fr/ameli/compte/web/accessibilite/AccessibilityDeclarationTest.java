package fr.ameli.compte.web.accessibilite;

import fr.ameli.compte.web.accessibilite.RgaaAudit.Row;
import fr.ameli.compte.web.accessibilite.RgaaAudit.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The declaration and the footer say what the grid says (issue: « a declaration that gives its rate »),
 * and the grid the WAR carries is the whole audit: 106 criteria on every page of the sample.
 */
class AccessibilityDeclarationTest {

    @ParameterizedTest(name = "« {0} »: footer « {1} », rate {2}")
    @CsvSource(delimiter = ';', value = {
            "CCA|CCA   ; Accessibilité : totalement conforme    ; 100 %",
            "CCCC|CCCN ; Accessibilité : partiellement conforme ; 75 %",
            "CNN|CCN   ; Accessibilité : non conforme           ; 33,3 %",
    })
    void the_footer_and_the_rate_follow_from_the_grid(String pages, String footer, String rate) throws IOException {
        AccessibilityDeclaration declaration = new AccessibilityDeclaration(RgaaAuditTest.grid(pages.strip()));
        assertAll(
                () -> assertEquals(footer, declaration.getFooterStatus()),
                () -> assertEquals(rate, declaration.getGlobalRate()),
                () -> assertTrue(declaration.getState().contains(footer.substring("Accessibilité : ".length()) + " avec le référentiel"),
                        declaration.getState()),
                () -> assertTrue(declaration.getResult().startsWith(rate + " des critères du RGAA version 4.1.2 sont respectés"),
                        declaration.getResult()));
    }

    @Test
    void a_rate_just_under_100_is_never_rounded_up_to_a_total_conformity() throws IOException {
        AccessibilityDeclaration declaration = new AccessibilityDeclaration(RgaaAuditTest.grid("C".repeat(105) + "N"));
        assertAll(
                () -> assertEquals("99 %", declaration.getGlobalRate()),
                () -> assertEquals("Accessibilité : partiellement conforme", declaration.getFooterStatus()),
                () -> assertEquals(List.of("Critère 106.1, page0.xhtml : élément."),
                        declaration.getNonConformities().stream().map(AccessibilityDeclaration.NonConformity::text).toList()));
    }

    /** The grid as the build puts it in the WAR (pom.xml copies docs/accessibilite/grille-rgaa.csv). */
    private final RgaaAudit audit = AccessibilityDeclaration.readGrid();

    @Test
    void the_grid_in_the_war_is_the_one_in_docs() throws IOException {
        try (var in = AccessibilityDeclaration.class.getResourceAsStream(AccessibilityDeclaration.GRID)) {
            assertEquals(Files.readString(Path.of("docs/accessibilite/grille-rgaa.csv")), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void the_grid_covers_the_106_criteria_once_on_every_page_of_the_sample_and_each_page_exists() {
        Map<String, List<Row>> byPage = audit.rows().stream().collect(Collectors.groupingBy(Row::page));
        assertAll(byPage.entrySet().stream().map(e -> () -> {
            assertEquals(RgaaAudit.CRITERIA, e.getValue().size(), e.getKey());
            assertEquals(RgaaAudit.CRITERIA, e.getValue().stream().map(Row::criterion).distinct().count(), e.getKey() + ": each criterion once");
            assertTrue(Files.exists(Path.of("src/main/webapp", e.getKey())), e.getKey() + " is a page of the service");
            assertFalse(AccessibilityDeclaration.sampleName(e.getKey()).equals(e.getKey()), e.getKey() + " has its name in the declaration");
        }));
        assertEquals(RgaaAudit.CRITERIA, audit.overSample().size());
    }

    @Test
    void the_sample_holds_the_pages_the_rgaa_audit_must_see() {
        assertTrue(audit.pages().containsAll(List.of("index.xhtml", "creation/identite.xhtml", "creation/verification.xhtml",
                "creation/conditions.xhtml", "creation/code-personnel.xhtml", "creation/coordonnees.xhtml", "activation.xhtml",
                "connexion/code-securite.xhtml", "espace/index.xhtml", "espace/adresse-email.xhtml", "espace/coordonnees.xhtml",
                "espace/code-personnel.xhtml", "espace/connexions.xhtml", "espace/mes-donnees.xhtml", "espace/cloture.xhtml",
                "espace/cles-acces.xhtml", "code-oublie.xhtml", "agent/index.xhtml", "accessibilite.xhtml", "erreur.xhtml",
                "session-expiree.xhtml")), audit.pages().toString());
    }

    @Test
    void a_non_conformity_names_its_failed_test_its_element_and_its_fix_and_every_row_says_how_it_was_checked() {
        assertAll(audit.rows().stream().map(r -> () -> {
            String where = r.criterion() + " " + r.page();
            assertFalse(r.verification().isBlank(), where + ": how it was checked");
            if (r.status() == Status.NC) {
                assertTrue(r.failedTest().matches(r.criterion().replace(".", "\\.") + "\\.\\d+.*"), where + ": the failed test");
                assertFalse(r.element().isBlank() || r.fix().isBlank(), where + ": the element and the fix");
            }
        }));
    }

    @Test
    void the_declaration_of_the_service_gives_the_grid_s_rate_and_level() {
        AccessibilityDeclaration declaration = new AccessibilityDeclaration();
        RgaaAudit.Level level = audit.level();
        assertAll(
                () -> assertEquals("Accessibilité : " + switch (level) {
                    case TOTAL -> "totalement conforme";
                    case PARTIAL -> "partiellement conforme";
                    case NONE -> "non conforme";
                }, declaration.getFooterStatus()),
                () -> assertEquals(audit.nonConformities().size(), declaration.getNonConformities().size()),
                () -> assertEquals(audit.pages().size(), declaration.getSample().size()));
    }
}
