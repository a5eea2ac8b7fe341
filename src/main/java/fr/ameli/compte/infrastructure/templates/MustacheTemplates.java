package fr.ameli.compte.infrastructure.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import fr.ameli.compte.application.mail.Templates;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The templates of mails and letters, rendered with Mustache (mustache.java): resources under
 * {@code fr/ameli/compte/}, read in UTF-8 from the WAR, compiled once and kept. An {@code .html}
 * template escapes each value for HTML ({@code {{lien}}}); a text template writes it as it is.
 * Templates are trusted files of the WAR, values are not.
 */
@ApplicationScoped
public class MustacheTemplates implements Templates {

    static final String ROOT = "fr/ameli/compte/";

    private final MustacheFactory html = new DefaultMustacheFactory(MustacheTemplates::read);
    private final MustacheFactory text = new DefaultMustacheFactory(MustacheTemplates::read) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @Override
    public String render(String template, Map<String, ?> values) {
        MustacheFactory factory = template.endsWith(".html") ? html : text;
        StringWriter out = new StringWriter();
        factory.compile(template).execute(out, values);
        return out.toString();
    }

    /** The template's text, from the class loader that loaded this class (the WAR's): null when there is none. */
    private static Reader read(String template) {
        InputStream in = MustacheTemplates.class.getClassLoader().getResourceAsStream(ROOT + template);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
