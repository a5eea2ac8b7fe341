package fr.ameli.compte.web.shared;

import jakarta.faces.context.ExternalContext;

/**
 * What every page a mailed link opens has in common (activation, « Code oublié ? », later the
 * confirmation of a new email address): the link's secret comes as the request parameter
 * {@value #TOKEN} — in the link's query on GET, and from a hidden field of the page's stateless
 * form on POST — so that neither request needs a session, and only the POST changes anything.
 */
public final class SingleUseLinks {

    /** The parameter of the link's secret (a 43-character token; longer values are not looked at). */
    public static final String TOKEN = fr.ameli.compte.application.mail.MailedLink.TOKEN;
    private static final int LONGEST = 100;

    private SingleUseLinks() {
    }

    public static String token(ExternalContext external) {
        String token = external.getRequestParameterMap().get(TOKEN);
        return token == null || token.length() > LONGEST ? null : token;
    }
}
