package fr.ameli.compte.infrastructure.letters;

import fr.ameli.compte.application.Letter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provisional-code letter as an A4 PDF (Apache PDFBox): the sender, the address block placed
 * for a window envelope, the code in large type, until when it works and how to use it.
 */
public final class PdfLetters {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private PdfLetters() {
    }

    public static byte[] render(Letter letter, Instant now) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer w = new Writer(content, regular, bold);
                float top = PDRectangle.A4.getHeight() - MARGIN;
                w.line(bold, 16, MARGIN, top, "Assurance Maladie");
                w.line(regular, 11, MARGIN, top - 16, "Service du compte ameli");
                float y = top - 120;
                for (String line : letter.addressLines()) {
                    w.line(regular, 12, 320, y, line);
                    y -= 16;
                }
                y = top - 230;
                y = w.paragraph(regular, 11, y, "Le " + DAY.format(now.atZone(PARIS)));
                y -= 10;
                y = w.paragraph(bold, 12, y, "Objet : votre code provisoire pour créer votre compte ameli");
                y -= 10;
                y = w.paragraph(regular, 12, y, "Madame, Monsieur,");
                y = w.paragraph(regular, 12, y, "Vous avez demandé à créer votre compte ameli sans le numéro de série de votre "
                        + "carte Vitale. Voici votre code provisoire :");
                y -= 14;
                w.line(bold, 28, MARGIN + 40, y - 20, "Votre code provisoire : " + letter.code());
                y -= 56;
                y = w.paragraph(regular, 12, y, "Ce code est valable jusqu'au " + DAY.format(letter.expiresAt().atZone(PARIS))
                        + " inclus, et ne sert qu'une seule fois.");
                y -= 8;
                y = w.paragraph(bold, 12, y, "Comment l'utiliser :");
                y = w.paragraph(regular, 12, y, "1. Rendez-vous sur " + letter.serviceUrl());
                y = w.paragraph(regular, 12, y, "2. Saisissez votre numéro de sécurité sociale, puis ce code dans le champ "
                        + "« Mon code personnel (ou provisoire à 4 chiffres) », et cliquez sur « Me connecter ».");
                y = w.paragraph(regular, 12, y, "3. Poursuivez la création de votre compte : acceptation des conditions "
                        + "d'utilisation, choix de votre code personnel, adresse email. Un courriel vous permettra ensuite "
                        + "d'activer votre compte.");
                y -= 8;
                y = w.paragraph(regular, 12, y, "Ne communiquez ce code à personne. L'Assurance Maladie ne vous le demandera "
                        + "jamais par téléphone ou par courriel. Si vous n'êtes pas à l'origine de cette demande, vous pouvez "
                        + "détruire ce courrier.");
                y -= 8;
                w.paragraph(regular, 12, y, "Votre caisse d'Assurance Maladie");
            }
            document.getDocumentInformation().setTitle("Votre code provisoire ameli");
            document.getDocumentInformation().setAuthor("Assurance Maladie");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be rendered", e);
        }
    }

    /** Writes lines and wrapped paragraphs; characters the standard fonts lack lose their accent. */
    private record Writer(PDPageContentStream content, PDFont regular, PDFont bold) {

        void line(PDFont font, float size, float x, float y, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(font, text));
            content.endText();
        }

        float paragraph(PDFont font, float size, float y, String text) throws IOException {
            for (String line : wrap(font, size, printable(font, text))) {
                line(font, size, MARGIN, y, line);
                y -= size * 1.45f;
            }
            return y;
        }

        private static List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        private static String printable(PDFont font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                if (encodable(font, c)) {
                    out.append(c);
                } else {
                    String base = Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                    out.append(!base.isEmpty() && encodable(font, base) ? base : "?");
                }
            });
            return out.toString();
        }

        private static boolean encodable(PDFont font, String c) {
            try {
                font.encode(c);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
