package fr.ameli.compte.web.accessibilite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RGAA 4.1.2 audit of the service: one row per criterion and page of the sample, as kept in
 * {@code docs/accessibilite/grille-rgaa.csv} (the build copies it into the WAR), and the rates the
 * RGAA's method computes from it for the accessibility declaration.
 *
 * <p>The grid is {@code ;}-separated, nine columns, no quoting (a field never holds a {@code ;}):
 * {@value #HEADER}.
 */
public record RgaaAudit(List<Row> rows) {

    public static final String HEADER = "critere;thematique;intitule;page;statut;test_en_echec;element;correction;verification";
    /** RGAA 4.1.2 has 106 criteria in 13 themes. */
    public static final int CRITERIA = 106;

    /** « conforme », « non conforme », « non applicable ». */
    public enum Status { C, NC, NA }

    /** What the RGAA declaration says of the service, from its global rate. */
    public enum Level {
        /** 100 % of the applicable criteria met. */
        TOTAL,
        /** At least 50 %. */
        PARTIAL,
        /** Below 50 %. */
        NONE
    }

    /** One criterion on one page: for a « non conforme », the test that fails, the element and the fix. */
    public record Row(String criterion, String theme, String title, String page, Status status,
                      String failedTest, String element, String fix, String verification) {
    }

    public RgaaAudit {
        rows = List.copyOf(rows);
    }

    /** Reads the grid; a line that is not nine fields or has an unknown status is refused with its number. */
    public static RgaaAudit read(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String header = in.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException("ligne 1 : l'en-tête attendu est « " + HEADER + " »");
        }
        List<Row> rows = new ArrayList<>();
        int number = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 9) {
                throw new IllegalArgumentException("ligne " + number + " : " + f.length + " champs au lieu de 9");
            }
            Status status;
            try {
                status = Status.valueOf(f[4]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ligne " + number + " : statut « " + f[4] + " » (C, NC ou NA)");
            }
            rows.add(new Row(f[0], f[1], f[2], f[3], status, f[5], f[6], f[7], f[8]));
        }
        return new RgaaAudit(rows);
    }

    /** The sample's pages, in the grid's order. */
    public List<String> pages() {
        Set<String> pages = new LinkedHashSet<>();
        rows.forEach(r -> pages.add(r.page()));
        return List.copyOf(pages);
    }

    /**
     * Each criterion's result over the whole sample (RGAA method): non conforme if it fails on one
     * page, conforme if it is met on every page where it applies, non applicable if it applies nowhere.
     */
    public Map<String, Status> overSample() {
        Map<String, Status> result = new LinkedHashMap<>();
        for (Row r : rows) {
            Status before = result.get(r.criterion());
            result.put(r.criterion(), before == null ? r.status() : worse(before, r.status()));
        }
        return result;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.NC || b == Status.NC) {
            return Status.NC;
        }
        return a == Status.C || b == Status.C ? Status.C : Status.NA;
    }

    /** Criteria met over the sample. */
    public long conformingCriteria() {
        return overSample().values().stream().filter(s -> s == Status.C).count();
    }

    /** Criteria that apply somewhere in the sample. */
    public long applicableCriteria() {
        return overSample().values().stream().filter(s -> s != Status.NA).count();
    }

    /** The declaration's rate: criteria met over the criteria that apply, in percent (RGAA « taux global »). */
    public double globalRate() {
        long applicable = applicableCriteria();
        return applicable == 0 ? 100 : 100.0 * conformingCriteria() / applicable;
    }

    /** The mean of each page's own rate (met over applicable on that page), in percent (RGAA « taux moyen »). */
    public double averageRate() {
        Map<String, long[]> perPage = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] counts = perPage.computeIfAbsent(r.page(), p -> new long[2]);
            if (r.status() == Status.C) {
                counts[0]++;
            }
            if (r.status() != Status.NA) {
                counts[1]++;
            }
        }
        return perPage.values().stream().mapToDouble(c -> c[1] == 0 ? 100 : 100.0 * c[0] / c[1]).average().orElse(100);
    }

    public Level level() {
        double rate = globalRate();
        return rate >= 100 ? Level.TOTAL : rate >= 50 ? Level.PARTIAL : Level.NONE;
    }

    /** The rows « non conforme », by criterion then page. */
    public List<Row> nonConformities() {
        return rows.stream().filter(r -> r.status() == Status.NC).toList();
    }
}
