package fr.ameli.compte.web.espace;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A file given to the browser as the answer of a form's POST (« Télécharger mes données »): saved
 * under its name rather than shown, never cached (the security headers of every answer stay), and
 * Faces renders no page after it.
 */
@RequestScoped
public class FileDownload {

    @Inject
    FacesContext faces;
    @Inject
    ExternalContext external;

    /** Sends {@code content} (UTF-8) as the file {@code fileName}. */
    void send(String fileName, String contentType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        external.setResponseContentType(contentType + ";charset=UTF-8");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try {
            external.getResponseOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The download could not be written", e);
        }
        faces.responseComplete();
    }
}
