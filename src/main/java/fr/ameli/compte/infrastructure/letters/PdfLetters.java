package fr.ameli.compte.infrastructure.letters;

import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.creation.Letter;
import fr.ameli.compte.application.mail.Templates;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisional-code letter as an A4 PDF (Apache PDFBox). Its wording is the template
 * {@code letters/code-provisoire.txt}: each line starts with its role (sender, address block placed
 * for a window envelope, date, subject, paragraph, heading, the code in large type), which says
 * where and how this class prints it; a blank line leaves a small gap.
 */
public final class PdfLetters {

    static final String TEMPLATE = "letters/code-provisoire.txt";
    private static final Pattern ROLE = Pattern.compile("([a-zé]+): (.*)");
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;

    private PdfLetters() {
    }

    /** The values the template is given: {@code adresse} (lines), {@code date}, {@code code}, {@code echeance}, {@code adresseDuService}. */
    static Map<String, Object> values(Letter letter, Instant now) {
        return Map.of("adresse", letter.addressLines(), "date", FrenchTime.day(now), "code", letter.code(),
                "echeance", FrenchTime.day(letter.expiresAt()), "adresseDuService", letter.serviceUrl());
    }

    public static byte[] render(Templates templates, Letter letter, Instant now) {
        String wording = templates.render(TEMPLATE, values(letter, now));
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer w = new Writer(content, regular, bold);
                float sender = TOP;
                float address = TOP - 120;
                float y = TOP - 230;
                for (String line : wording.lines().toList()) {
                    if (line.isBlank()) {
                        y -= 8;
                        continue;
                    }
                    Matcher role = ROLE.matcher(line);
                    if (!role.matches()) {
                        throw new IllegalStateException(TEMPLATE + ": a line without its role: " + line);
                    }
                    String text = role.group(2);
                    switch (role.group(1)) {
                        case "document" -> document.getDocumentInformation().setTitle(text);
                        case "expéditeur" -> {
                            w.line(bold, 16, MARGIN, sender, text);
                            sender -= 16;
                            if (document.getDocumentInformation().getAuthor() == null) {
                                document.getDocumentInformation().setAuthor(text);
                            }
                        }
                        case "service" -> {
                            w.line(regular, 11, MARGIN, sender, text);
                            sender -= 16;
                        }
                        case "adresse" -> {
                            w.line(regular, 12, 320, address, text);
                            address -= 16;
                        }
                        case "date" -> y = w.paragraph(regular, 11, y, text);
                        case "objet" -> y = w.paragraph(bold, 12, y - 10, text) - 10;
                        case "texte" -> y = w.paragraph(regular, 12, y, text);
                        case "titre" -> y = w.paragraph(bold, 12, y, text);
                        case "code" -> {
                            w.line(bold, 28, MARGIN + 40, y - 14 - 20, text);
                            y -= 14 + 56;
                        }
                        default -> throw new IllegalStateException(TEMPLATE + ": no such role: " + line);
                    }
                }
            }
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
