package fr.ameli.compte.infrastructure.letters;

import fr.ameli.compte.application.creation.Letter;
import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The provisional-code letter as its template words it and PdfLetters lays it out. */
class PdfLettersTest {

    private static final Letter LETTER = new Letter(List.of("MME CLAIRE DUPONT", "12 RUE DES LILAS", "75011 PARIS"),
            "75011", "PARIS", "4821", Instant.parse("2026-12-20T22:59:59Z"), "https://compte.ameli.fr/");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    /** Each printed line: where it starts (x, y from the top, in points), its font and size, its text. */
    private static List<String> printedLines(byte[] pdf) throws IOException {
        List<String> lines = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    lines.add(String.format(Locale.ROOT, "%.1f %.1f %s %.0f | %s", first.getXDirAdj(), first.getYDirAdj(),
                            first.getFont().getName(), first.getFontSizeInPt(), text));
                }
            }.getText(document);
            lines.add("title: " + document.getDocumentInformation().getTitle());
            lines.add("author: " + document.getDocumentInformation().getAuthor());
        }
        return lines;
    }

    @Test
    void the_letter_is_worded_and_laid_out_as_the_print_run_expects() throws IOException {
        assertEquals(List.of(
                "56.0 56.0 Helvetica-Bold 16 | Assurance Maladie",
                "56.0 72.0 Helvetica 11 | Service du compte ameli",
                "320.0 176.0 Helvetica 12 | MME CLAIRE DUPONT",
                "320.0 192.0 Helvetica 12 | 12 RUE DES LILAS",
                "320.0 208.0 Helvetica 12 | 75011 PARIS",
                "56.0 286.0 Helvetica 11 | Le 25 novembre 2026",
                "56.0 312.0 Helvetica-Bold 12 | Objet : votre code provisoire pour créer votre compte ameli",
                "56.0 339.4 Helvetica 12 | Madame, Monsieur,",
                "56.0 356.8 Helvetica 12 | Vous avez demandé à créer votre compte ameli sans le numéro de série de votre carte",
                "56.0 374.2 Helvetica 12 | Vitale. Voici votre code provisoire :",
                "96.0 425.6 Helvetica-Bold 28 | Votre code provisoire : 4821",
                "56.0 461.6 Helvetica 12 | Ce code est valable jusqu'au 20 décembre 2026 inclus, et ne sert qu'une seule fois.",
                "56.0 487.0 Helvetica-Bold 12 | Comment l'utiliser :",
                "56.0 504.4 Helvetica 12 | 1. Rendez-vous sur https://compte.ameli.fr/",
                "56.0 521.8 Helvetica 12 | 2. Saisissez votre numéro de sécurité sociale, puis ce code dans le champ « Mon code",
                "56.0 539.2 Helvetica 12 | personnel (ou provisoire à 4 chiffres) », et cliquez sur « Me connecter ».",
                "56.0 556.5 Helvetica 12 | 3. Poursuivez la création de votre compte : acceptation des conditions d'utilisation, choix",
                "56.0 573.9 Helvetica 12 | de votre code personnel, adresse email. Un courriel vous permettra ensuite d'activer votre",
                "56.0 591.3 Helvetica 12 | compte.",
                "56.0 616.8 Helvetica 12 | Ne communiquez ce code à personne. L'Assurance Maladie ne vous le demandera jamais",
                "56.0 634.1 Helvetica 12 | par téléphone ou par courriel. Si vous n'êtes pas à l'origine de cette demande, vous",
                "56.0 651.5 Helvetica 12 | pouvez détruire ce courrier.",
                "56.0 676.9 Helvetica 12 | Votre caisse d'Assurance Maladie",
                "title: Votre code provisoire ameli",
                "author: Assurance Maladie"), printedLines(PdfLetters.render(new MustacheTemplates(), LETTER, NOW)));
    }

    @Test
    void values_are_printed_as_they_are() throws IOException {
        Letter odd = new Letter(List.of("M. <b>&\" O'NEIL"), "75011", "PARIS", "4821", LETTER.expiresAt(), LETTER.serviceUrl());
        List<String> lines = printedLines(PdfLetters.render(new MustacheTemplates(), odd, NOW));
        assertEquals("320.0 176.0 Helvetica 12 | M. <b>&\" O'NEIL", lines.get(2));
    }

    @Test
    void a_template_line_without_a_known_role_is_an_error() {
        assertThrows(IllegalStateException.class, () -> PdfLetters.render((name, values) -> "texte: Bonjour\nBonjour\n", LETTER, NOW));
        assertThrows(IllegalStateException.class, () -> PdfLetters.render((name, values) -> "bidule: Bonjour\n", LETTER, NOW));
    }
}
