package fr.ameli.compte.web.shared;

/**
 * Where a page bean puts what it has to say about a submit: at a field (its client id, e.g.
 * {@code identite:nom}) or, with {@code null}, at the top of the page. The Faces implementation
 * ({@link FacesPageMessages}) adds them to the {@code FacesContext}; unit tests record them.
 */
public interface PageMessages {

    void error(String clientId, String text);

    /** Whether anything was said as an error in this request. */
    boolean hasErrors();

    default void errorKey(String clientId, String key) {
        error(clientId, Texts.text(key));
    }

    default void errorFormat(String clientId, String key, Object... arguments) {
        error(clientId, Texts.format(key, arguments));
    }
}
