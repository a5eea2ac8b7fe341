package fr.ameli.compte.application.mail;

import java.util.Map;

/**
 * The wording of mails and letters, kept out of Java in resource templates that an operator can
 * read: {@code src/main/resources/fr/ameli/compte/mails/} and {@code …/letters/}. Java picks a
 * template by its name ({@code "mails/activation.html"}) and gives the values; infrastructure
 * renders it. A {@code .html} template escapes every value for HTML; any other writes the values
 * as they are.
 */
public interface Templates {

    /** The template filled with the values; fails if no such template exists. */
    String render(String template, Map<String, ?> values);
}
