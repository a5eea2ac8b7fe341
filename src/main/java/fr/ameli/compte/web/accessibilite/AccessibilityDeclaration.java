package fr.ameli.compte.web.accessibilite;

import fr.ameli.compte.web.shared.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * The accessibility declaration ({@code accessibilite.xhtml}, {@code #{declaration}}) and the footer's
 * state of compliance, both computed from the audit grid the WAR carries ({@link RgaaAudit}): a change
 * of the grid changes the rate, the level (« totalement / partiellement / non conforme ») and the list
 * of what is not yet accessible, with no sentence to keep in step by hand.
 */
@Named("declaration")
@ApplicationScoped
public class AccessibilityDeclaration {

    /** Where the build puts {@code docs/accessibilite/grille-rgaa.csv} (pom.xml). */
    static final String GRID = "grille-rgaa.csv";

    private volatile RgaaAudit audit;
    /** The footer's line, computed once: every page shows it (the grid has 3,286 rows). */
    private volatile String footerStatus;

    /** One non-conformity still there, as the declaration lists it. */
    public record NonConformity(String criterion, String page, String element, String fix) {
        /** « Critère 11.12, « Mes clés d'accès » : … ». */
        public String text() {
            return Texts.format("a11y.nonConformity", criterion, page, element);
        }
    }

    /** One page of the sample: its file and what a person calls it. */
    public record SamplePage(String file, String name) {
    }

    public AccessibilityDeclaration() {
    }

    /** For the tests: a declaration of that audit. */
    AccessibilityDeclaration(RgaaAudit audit) {
        this.audit = audit;
    }

    RgaaAudit audit() {
        RgaaAudit read = audit;
        if (read == null) {
            read = readGrid();
            audit = read;
        }
        return read;
    }

    static RgaaAudit readGrid() {
        try (InputStream in = AccessibilityDeclaration.class.getResourceAsStream(GRID)) {
            if (in == null) {
                throw new IllegalStateException("La grille d'audit RGAA " + GRID + " manque dans le WAR (pom.xml, ressources)");
            }
            return RgaaAudit.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** « totalement conforme », « partiellement conforme » or « non conforme ». */
    public String getLevel() {
        return Texts.text("a11y.level." + audit().level().name());
    }

    /** The footer's line: « Accessibilité : partiellement conforme » (computed once, read by every page). */
    public String getFooterStatus() {
        String line = footerStatus;
        if (line == null) {
            line = Texts.format("a11y.footerStatus", getLevel());
            footerStatus = line;
        }
        return line;
    }

    /** The « État de conformité » sentence of the RGAA model. */
    public String getState() {
        return Texts.format("a11y.state." + audit().level().name(), getLevel());
    }

    /** « 100 % », « 87,5 % »: the criteria met over those that apply. */
    public String getGlobalRate() {
        return percent(audit().globalRate());
    }

    /** The mean of the pages' rates. */
    public String getAverageRate() {
        return percent(audit().averageRate());
    }

    /** « 98 % des critères du RGAA version 4.1.2 sont respectés (49 critères conformes sur 50 applicables) ». */
    public String getResult() {
        RgaaAudit a = audit();
        return Texts.format("a11y.result", getGlobalRate(), a.conformingCriteria(), a.applicableCriteria(),
                a.overSample().size() - a.applicableCriteria(), getAverageRate(), a.pages().size());
    }

    public List<NonConformity> getNonConformities() {
        return audit().nonConformities().stream()
                .map(r -> new NonConformity(r.criterion(), sampleName(r.page()), r.element(), r.fix()))
                .toList();
    }

    public List<SamplePage> getSample() {
        return audit().pages().stream().map(p -> new SamplePage(p, sampleName(p))).toList();
    }

    /** What a person calls the page ({@code a11y.sample.<file>} in the messages). */
    static String sampleName(String page) {
        try {
            return Texts.text("a11y.sample." + page);
        } catch (MissingResourceException e) {
            return page;
        }
    }

    private static String percent(double rate) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(java.math.RoundingMode.DOWN);
        return format.format(rate) + " %";
    }
}
