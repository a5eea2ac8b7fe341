package fr.ameli.compte.web.accessibilite;

import fr.ameli.compte.web.accessibilite.RgaaAudit.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RGAA method's rates, on small grids: what a criterion is over the sample, the global and the average rate, the level. */
class RgaaAuditTest {

    /**
     * A grid from a compact writing: pages separated by « | », each a string of statuses, one letter
     * per criterion in order (C, N for NC, A for NA): « CCA|CNA » is two pages of three criteria.
     */
    static RgaaAudit grid(String pages) throws IOException {
        StringBuilder csv = new StringBuilder(RgaaAudit.HEADER).append('\n');
        String[] each = pages.split("\\|");
        for (int p = 0; p < each.length; p++) {
            for (int c = 0; c < each[p].length(); c++) {
                String status = switch (each[p].charAt(c)) {
                    case 'C' -> "C";
                    case 'N' -> "NC";
                    default -> "NA";
                };
                csv.append(c + 1).append(".1;Thème;Intitulé;page").append(p).append(".xhtml;").append(status)
                        .append(status.equals("NC") ? ";1.1.1;élément;correction;" : ";;;;").append("vérification\n");
            }
        }
        return RgaaAudit.read(new StringReader(csv.toString()));
    }

    @ParameterizedTest(name = "« {0} »: {1} met of {2} applicable, global {3} %, average {4} %, {5}")
    @CsvSource(delimiter = ';', value = {
            // every applicable criterion met on every page
            "CCA|CCA          ; 2 ; 2 ; 100   ; 100   ; TOTAL",
            // a criterion that applies on one page only counts as applicable
            "CAA|CCA          ; 2 ; 2 ; 100   ; 100   ; TOTAL",
            // one failure on one page makes the criterion non conforme over the sample
            "CCCC|CCCN        ; 3 ; 4 ; 75    ; 87.5  ; PARTIAL",
            // exactly half is « partiellement »
            "CN|CN            ; 1 ; 2 ; 50    ; 50    ; PARTIAL",
            "CNN|CCN          ; 1 ; 3 ; 33.33 ; 50    ; NONE",
            // non applicable everywhere: not counted at all
            "AAC|AAC          ; 1 ; 1 ; 100   ; 100   ; TOTAL",
    })
    void a_criterion_is_met_only_where_it_is_met_on_every_page_and_the_rates_follow(String pages, long met, long applicable,
                                                                                    double global, double average, Level level) throws IOException {
        RgaaAudit audit = grid(pages.strip());
        assertAll(
                () -> assertEquals(met, audit.conformingCriteria(), "criteria met"),
                () -> assertEquals(applicable, audit.applicableCriteria(), "criteria applicable"),
                () -> assertEquals(global, audit.globalRate(), 0.01, "global rate"),
                () -> assertEquals(average, audit.averageRate(), 0.01, "average of the pages' rates"),
                () -> assertEquals(level, audit.level()));
    }

    @Test
    void a_grid_with_a_line_that_is_not_nine_fields_or_an_unknown_status_is_refused_with_its_line() {
        String header = RgaaAudit.HEADER + "\n";
        assertAll(
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> RgaaAudit.read(new StringReader(
                        header + "1.1;Images;Intitulé;index.xhtml;C;;;\n"))).getMessage().startsWith("ligne 2 : 8 champs")),
                () -> assertTrue(assertThrows(IllegalArgumentException.class, () -> RgaaAudit.read(new StringReader(
                        header + "1.1;Images;Intitulé;index.xhtml;OK;;;;\n"))).getMessage().startsWith("ligne 2 : statut « OK »")),
                () -> assertThrows(IllegalArgumentException.class, () -> RgaaAudit.read(new StringReader("critere;page\n"))));
    }

    @Test
    void the_non_conformities_are_the_rows_noted_nc() throws IOException {
        List<String> where = new ArrayList<>();
        grid("CNC|NCC").nonConformities().forEach(r -> where.add(r.criterion() + " " + r.page()));
        assertEquals(List.of("2.1 page0.xhtml", "1.1 page1.xhtml"), where);
    }
}
