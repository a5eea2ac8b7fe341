package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.espace.PersonalDataExport;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * « Télécharger mes données » (PRODUCT §2.11; {@code espace/mes-donnees.xhtml}, {@code #{myDataPage}}):
 * what the account holds about the person, as a JSON file or a readable HTML page
 * ({@link PersonalDataExport}), after the code personnel again when the login is not recent
 * ({@link Reauthentication}).
 */
@Named
@RequestScoped
public class MyDataPage {

    static final String FORM = "donnees";

    /** The two forms of the file. */
    enum Format {
        JSON("mes-donnees-ameli.json", "application/json"),
        HTML("mes-donnees-ameli.html", "text/html");

        final String fileName;
        final String contentType;

        Format(String fileName, String contentType) {
            this.fileName = fileName;
            this.contentType = contentType;
        }
    }

    @Inject
    LoggedInPerson person;
    @Inject
    PersonalDataExport export;
    @Inject
    Reauthentication reauthentication;
    @Inject
    PageMessages messages;
    @Inject
    FileDownload download;

    public String downloadJson() {
        return download(Format.JSON);
    }

    public String downloadHtml() {
        return download(Format.HTML);
    }

    private String download(Format format) {
        Optional<Nir> nir = person.nir();
        if (nir.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        if (!reauthentication.confirmed(messages, FORM, Reauthentication.When.AFTER_A_WHILE)) {
            return null;
        }
        Optional<String> content = format == Format.JSON ? export.json(nir.get()) : export.html(nir.get());
        if (content.isEmpty()) {
            messages.errorKey(null, "myData.unavailable");
            return null;
        }
        download.send(format.fileName, format.contentType, content.get());
        return null;
    }
}
