package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.shared.FrenchTime;
import jakarta.inject.Inject;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** « Un code provisoire vous est envoyé par courrier » ({@code creation/courrier-envoye.xhtml}, {@code #{letterSentPage}}): where (postal code only) and until when. */
@Named
@RequestScoped
public class LetterSentPage {

    @Inject
    FlashData flash;

    private ProvisionalCodes.LetterSent sent;

    public ProvisionalCodes.LetterSent getSent() {
        if (sent == null) {
            sent = flash.letterSent().orElse(null);
        }
        return sent;
    }

    public String getWhere() {
        return getSent() == null ? "" : Texts.format(sent.alreadySent() ? "letter.alreadySent" : "letter.sent",
                sent.postalCode(), sent.city() == null ? "" : sent.city());
    }

    public String getValidity() {
        return getSent() == null ? "" : Texts.format("letter.validity", FrenchTime.when(sent.expiresAt()));
    }
}
