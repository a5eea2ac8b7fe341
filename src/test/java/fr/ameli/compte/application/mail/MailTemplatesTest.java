package fr.ameli.compte.application.mail;

import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a mail comes out of its two templates: the subject line, the escaping, the line ends. */
public class MailTemplatesTest {

    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s\"<]+|href=\"([^\"]*)\"");
    private final MailTemplates mails = new MailTemplates(new MustacheTemplates());

    @Test
    void a_value_is_escaped_in_the_html_part_and_written_as_it_is_in_the_text_part() {
        MailMessage mail = mails.compose("activation", "toto@example.fr",
                Map.of("lien", "<b>&\"'=", "validite", "48 heures", "echeance", "demain"));
        assertTrue(mail.text().contains("\r\n<b>&\"'=\r\n"), mail.text());
        assertTrue(mail.html().contains("<a href=\"&lt;b&gt;&amp;&quot;&#39;&#61;\""), mail.html());
        assertTrue(mail.html().contains("<br>&lt;b&gt;&amp;&quot;&#39;&#61;</p>"), mail.html());
        assertFalse(mail.html().contains("<b>"), mail.html());
    }

    @Test
    void the_subject_is_the_first_line_of_the_text_template_and_the_title_of_the_html_one() {
        Templates templates = (name, values) -> name.endsWith(".txt")
                ? "Objet : Un essai\n\nBonjour,\nligne\n" : "<title>" + values.get("objet") + "</title>";
        MailMessage mail = new MailMessage("toto@example.fr", "Un essai", "Bonjour,\r\nligne\r\n", "<title>Un essai</title>");
        assertEquals(mail, new MailTemplates(templates).compose("essai", "toto@example.fr", Map.of()));
    }

    @Test
    void a_text_template_without_its_subject_line_is_refused() {
        for (String text : List.of("Bonjour,\n\nligne\n", "Objet : Un essai\nBonjour,\n", "Objet : Un essai")) {
            MailTemplates broken = new MailTemplates((name, values) -> text);
            assertThrows(IllegalStateException.class, () -> broken.compose("essai", "toto@example.fr", Map.of()), text);
        }
    }

    @Test
    void a_template_that_does_not_exist_is_an_error() {
        assertThrows(RuntimeException.class, () -> mails.compose("inconnu", "toto@example.fr", Map.of()));
    }

    /** Every address in the mail, text and HTML, is the given link: never a link to log in. */
    public static void assertOnlyLink(URI link, MailMessage mail) {
        for (String part : List.of(mail.text(), unescaped(mail.html()))) {
            var found = ADDRESS.matcher(part).results()
                    .map(m -> m.group(1) != null ? m.group(1) : m.group()).toList();
            assertFalse(found.isEmpty(), part);
            found.forEach(address -> assertEquals(link.toString(), address, part));
        }
    }

    /** HTML as a mail program reads it: character references (« &#61; » is « = ») decoded. */
    private static String unescaped(String html) {
        return Pattern.compile("&#(\\d+);").matcher(html).replaceAll(m -> Character.toString(Integer.parseInt(m.group(1))))
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
