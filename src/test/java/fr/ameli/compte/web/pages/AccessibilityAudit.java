package fr.ameli.compte.web.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks every page and every error state gets, where the person meets it (RGAA 4.1 / WCAG
 * 2.1 AA): axe-core (WCAG 2.1 A and AA, best practices) finds nothing serious or critical; the page
 * has {@code lang="fr"}, a title, one h1, one main and the footer link to the accessibility
 * statement; each field in error has {@code aria-invalid} and is described by its message; nothing
 * makes it scroll horizontally at 1280 px, at 200 % zoom (640 px) or at 320 px. Screenshots at
 * 1280 px and 320 px go to target/screenshots, every axe finding (of any impact) to
 * target/screenshots/audit-axe.txt.
 */
public record AccessibilityAudit(Browser browser) {

    private static final Path REPORT = Path.of(System.getProperty("ameli.screenshots", "target/screenshots"), "audit-axe.txt");

    /** A run starts with an empty report. */
    public static void clearReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    /** Audits the page shown now; {@code name} names its screenshots, its saved HTML and its line in the report. */
    public void check(String name) {
        long start = System.nanoTime();
        Results results = browser.axe();
        long axeMillis = (System.nanoTime() - start) / 1_000_000;
        assertAll(name + ": axe did not run " + results.getErrorMessage(),
                () -> assertNull(results.getErrorMessage(), "axe's error"),
                () -> assertTrue(!results.getPasses().isEmpty(), "axe's passed rules"));
        browser.saveSource(name);
        List<String> findings = results.getViolations().stream().map(AccessibilityAudit::describe).toList();

        assertEquals("fr", browser.driver.findElement(By.tagName("html")).getAttribute("lang"), name);
        assertTrue(browser.driver.getTitle().endsWith("– Compte ameli"), name + ": " + browser.driver.getTitle());
        assertEquals(1, browser.driver.findElements(By.tagName("h1")).size(), name + ": one h1");
        assertEquals(1, browser.driver.findElements(By.tagName("main")).size(), name + ": one main");
        assertEquals("Déclaration d'accessibilité", browser.driver.findElement(By.cssSelector("footer a#accessibilite")).getText(), name);
        assertEquals(List.of(), fieldErrorsNotTiedToTheirField(), name + ": field errors tied with aria-describedby and aria-invalid");

        Map<Integer, String> overflow = new LinkedHashMap<>();
        for (int width : new int[] {1280, 640, 320}) {
            browser.viewport(width);
            if (width != 640) {
                browser.screenshot(name + "-" + width);
            }
            String sticksOut = browser.horizontalOverflow();
            if (!sticksOut.isEmpty()) {
                overflow.put(width, sticksOut);
            }
        }
        browser.resetViewport();
        appendToReport(name + " (" + browser.driver.getCurrentUrl().replaceAll("[?;].*", "") + ", axe " + axeMillis + " ms, in all "
                + (System.nanoTime() - start) / 1_000_000 + " ms): " + (findings.isEmpty() ? "aucune anomalie" : String.join(" | ", findings)));
        assertTrue(overflow.isEmpty(), name + ": horizontal scrolling " + overflow);

        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(AccessibilityAudit::describe).toList();
        assertTrue(serious.isEmpty(), name + ": serious or critical accessibility violations:\n" + String.join("\n", serious));
    }

    /** Fields marked aria-invalid that their error does not describe, and errors whose field is not marked. */
    @SuppressWarnings("unchecked")
    private List<String> fieldErrorsNotTiedToTheirField() {
        return (List<String>) browser.driver.executeScript("""
                var untied = [];
                document.querySelectorAll('input[aria-invalid=true]').forEach(function (field) {
                    var holder = field.type === 'radio' ? field.closest('fieldset') : field;
                    var ids = ((holder && holder.getAttribute('aria-describedby')) || '').split(/\\s+/);
                    if (!ids.some(function (id) {
                        var e = document.getElementById(id);
                        return e && e.classList.contains('erreur-champ') && e.textContent.trim() !== '';
                    })) { untied.push(field.id + ' is not described by its error'); }
                });
                document.querySelectorAll('.erreur-champ').forEach(function (error) {
                    var field = document.getElementById(error.id.replace(/-erreur$/, ''));
                    if (error.textContent.trim() !== '' && !(field && field.getAttribute('aria-invalid') === 'true')) {
                        untied.push(error.id + ' belongs to no field marked aria-invalid');
                    }
                });
                return untied;
                """);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " — "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    private static synchronized void appendToReport(String line) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
