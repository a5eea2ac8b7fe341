package fr.ameli.compte.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlSelectOneRadio;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The error summary at the top of a form after a refused submit ({@code #{resumeErreurs}}, RGAA 11.10, WCAG 3.3.1): one
 * link per field in error, in the order the fields were checked, that leads to the field. The
 * page (WEB-INF/includes/erreurs.xhtml) shows it and resources/js/ameli.js gives it the focus;
 * the messages that concern no field are shown in it as text.
 */
@Named("resumeErreurs")
@RequestScoped
public class ErrorSummary {

    /** One field in error: the id to link to, and the line that names the field and says what is wrong. */
    public record FieldError(String target, String line) {

        static FieldError of(String target, Object label, String text) {
            String name = label == null ? "" : label.toString().strip();
            if (name.isEmpty()) {
                return new FieldError(target, text);
            }
            // « Mon nom : Ce champ est obligatoire. », but « Acceptez-vous … ? Indiquez si … ».
            return new FieldError(target, name + (name.endsWith("?") ? " " : " : ") + text);
        }
    }

    @Inject
    FacesContext faces;

    private List<FieldError> fieldErrors;

    public boolean isShown() {
        return faces.getMaximumSeverity() != null;
    }

    public List<FieldError> getFieldErrors() {
        if (fieldErrors == null) {
            fieldErrors = collect(faces);
        }
        return fieldErrors;
    }

    private static List<FieldError> collect(FacesContext context) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null) {
                continue;
            }
            UIComponent field = context.getViewRoot().findComponent(":" + clientId);
            Object label = field == null ? null : field.getAttributes().get("label");
            // A radio group is a list; its first button is what takes the focus.
            String target = field instanceof HtmlSelectOneRadio ? clientId + ":0" : clientId;
            for (FacesMessage message : context.getMessageList(clientId)) {
                errors.add(FieldError.of(target, label, message.getSummary()));
            }
        }
        return errors;
    }
}
