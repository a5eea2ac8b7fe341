package fr.ameli.compte.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/** {@link PageMessages} for the page being rendered: Faces messages, shown by the page's fields and error summary. */
@RequestScoped
class FacesPageMessages implements PageMessages {

    @Inject
    FacesContext faces;

    @Override
    public void error(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    @Override
    public boolean hasErrors() {
        return faces.getMaximumSeverity() != null;
    }
}
