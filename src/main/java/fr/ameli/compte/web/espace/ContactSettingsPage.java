package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.PhoneFields;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.espace.AccountQueries;
import fr.ameli.compte.application.espace.ContactSettings;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.PhoneNumber;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/**
 * « Mes numéros de téléphone et mes consentements » (PRODUCT §2.11; {@code espace/coordonnees.xhtml},
 * {@code #{contactSettingsPage}}), for the logged-in person.
 *
 * <p>Two forms. {@code telephones}: the two numbers, read as the wizard reads them ({@link PhoneFields}),
 * saved together; a removed number's consents go with it. {@code consentements}: one button per
 * consent, which gives or withdraws it in one action — withdrawing is as easy as giving (RGPD
 * art. 7(3)) and asks for no code. Each button says which way it turns: a page shown before a
 * change made elsewhere never turns a consent the wrong way. After a change the page is shown
 * again (POST, redirect, GET) with what was done in its confirmation, which takes the focus.
 */
@Named
@RequestScoped
public class ContactSettingsPage {

    static final String PHONES_FORM = "telephones";
    static final String SELF = "/espace/coordonnees?faces-redirect=true";
    static final String MY_SPACE = "/espace/index?faces-redirect=true";

    @Inject
    LoggedInPerson loggedIn;
    @Inject
    AccountQueries queries;
    @Inject
    ContactSettings settings;
    @Inject
    PageMessages messages;
    @Inject
    FlashData flash;

    private final PhoneFields phones = new PhoneFields();
    private Optional<ContactChoices> contact;
    private String removalWarning;

    /** On GET: the numbers the account holds, in their fields; without an active account, « Mon espace ». */
    public String open() {
        Optional<ContactChoices> held = contact();
        if (held.isEmpty()) {
            return MY_SPACE;
        }
        phones.show(held.get());
        return null;
    }

    /**
     * « Enregistrer mes numéros »: both numbers as typed (blank: removed), or a message at each refused
     * one. A number erased takes its consents with it: the page first says so and asks to confirm
     * (RGAA 11.12), the numbers typed kept in the form.
     */
    public String savePhones() {
        return savePhones(false);
    }

    /** « Confirmer la suppression » of that warning: the same numbers, saved. */
    public String confirmPhones() {
        return savePhones(true);
    }

    private String savePhones(boolean removalConfirmed) {
        FieldReader fields = new FieldReader(messages, PHONES_FORM);
        Optional<PhoneNumber> mobile = phones.readMobile(fields);
        Optional<PhoneNumber> landline = phones.readLandline(fields);
        Nir nir = caller();
        if (messages.hasErrors() || nir == null) {
            return nir == null ? MY_SPACE : null;
        }
        List<String> erased = erased(mobile, landline);
        if (!erased.isEmpty() && !removalConfirmed) {
            removalWarning = Texts.format(erased.size() == 1 ? "contactSettings.removeOne" : "contactSettings.removeBoth", String.join(" et ", erased));
            return null;
        }
        return switch (settings.changePhones(nir, mobile.orElse(null), landline.orElse(null))) {
            case CHANGED -> done(Texts.text("contactSettings.phonesSaved"));
            case UNCHANGED -> done(Texts.text("contactSettings.phonesUnchanged"));
            case NO_NUMBER, NO_ACCOUNT -> MY_SPACE;
        };
    }

    /** « Accepter … »: gives the consent. */
    public String give(Consent consent) {
        return answer(consent, true);
    }

    /** « Ne plus … »: withdraws the consent, in one action as well. */
    public String withdraw(Consent consent) {
        return answer(consent, false);
    }

    private String answer(Consent consent, boolean given) {
        Nir nir = caller();
        if (nir == null || consent == null) {
            return MY_SPACE;
        }
        return switch (settings.answer(nir, consent, given)) {
            case CHANGED, UNCHANGED -> done(ConsentLine.done(consent, given));
            case NO_NUMBER -> done(Texts.text("contactSettings.noNumber"));
            case NO_ACCOUNT -> MY_SPACE;
        };
    }

    private String done(String confirmation) {
        flash.contactSaved(confirmation);
        return SELF;
    }

    private Nir caller() {
        return loggedIn.nir().orElse(null);
    }

    /** The numbers the account has that the form leaves blank, as a person reads them. */
    private List<String> erased(Optional<PhoneNumber> mobile, Optional<PhoneNumber> landline) {
        List<String> erased = new java.util.ArrayList<>();
        contact().ifPresent(c -> {
            if (c.mobile() != null && mobile.isEmpty()) {
                erased.add(PhoneNumber.mobile(c.mobile()).display());
            }
            if (c.landline() != null && landline.isEmpty()) {
                erased.add(PhoneNumber.landline(c.landline()).display());
            }
        });
        return erased;
    }

    /** « Vous allez supprimer le numéro … », while the removal waits for its confirmation; else null. */
    public String getRemovalWarning() {
        return removalWarning;
    }

    private Optional<ContactChoices> contact() {
        if (contact == null) {
            Nir nir = caller();
            contact = nir == null ? Optional.empty() : queries.contact(nir);
        }
        return contact;
    }

    // ---- What the page shows

    public PhoneFields getPhones() { return phones; }

    /** The four consents, each shown only while it applies. */
    public List<ConsentLine> getConsents() { return ConsentLine.of(contact().orElse(null)); }

    /** What the last change did, said once after it (empty otherwise). */
    public String getConfirmation() { return flash.contactSaved().orElse(null); }
}
