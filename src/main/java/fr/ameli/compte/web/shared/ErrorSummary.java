package fr.ameli.compte.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UINamingContainer;
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
 * the messages that concern no field are shown in it as text. On a page of several forms (the
 * journal and « Fermer les sessions d'un agent »), each form's summary speaks of its own fields, and
 * the messages that concern no field go to the form that was submitted.
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

    private final java.util.Map<String, List<FieldError>> fieldErrors = new java.util.HashMap<>();

    /** Whether the summary of the form being rendered shows: an error at one of its fields, or one at no field for it. */
    public boolean isShown() {
        if (faces.getMaximumSeverity() == null) {
            return false;
        }
        UIForm form = formRendered();
        return form == null || !getFieldErrors().isEmpty() || (faces.getMessages(null).hasNext() && saysGeneralErrors(form));
    }

    /** The errors at the fields of the form being rendered (of the whole page outside a form). */
    public List<FieldError> getFieldErrors() {
        UIForm form = formRendered();
        String prefix = form == null ? "" : form.getClientId(faces) + UINamingContainer.getSeparatorChar(faces);
        return fieldErrors.computeIfAbsent(prefix, p -> collect(faces, p));
    }

    /** The form the summary is in: the nearest around the component being rendered. */
    private UIForm formRendered() {
        for (UIComponent c = UIComponent.getCurrentComponent(faces); c != null; c = c.getParent()) {
            if (c instanceof UIForm form) {
                return form;
            }
        }
        return null;
    }

    /** The form submitted says the errors at no field; when none was (a page opened), every form does. */
    private boolean saysGeneralErrors(UIForm form) {
        if (form.isSubmitted()) {
            return true;
        }
        List<UIForm> forms = new ArrayList<>();
        collectForms(faces.getViewRoot(), forms);
        return forms.stream().noneMatch(UIForm::isSubmitted);
    }

    private static void collectForms(UIComponent from, List<UIForm> forms) {
        for (UIComponent child : from.getChildren()) {
            if (child instanceof UIForm form) {
                forms.add(form);
            } else {
                collectForms(child, forms);
            }
        }
    }

    private static List<FieldError> collect(FacesContext context, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null || !clientId.startsWith(prefix)) {
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
