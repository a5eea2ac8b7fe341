package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One consent as « Mon espace » shows it (PRODUCT §2.11): its answer since when, and the one
 * button that turns it the other way (« Accepter … » or « Ne plus … »). {@code field} names its
 * ids and texts, the same as the wizard's question ({@code promotions}, {@code mobileAppels}…).
 * A phone's consent is {@code shown} only while its number is there.
 */
public record ConsentLine(Consent consent, boolean shown, boolean given, Instant since) {

    /** Every consent, always in the same order and number, so that the page's components never change shape. */
    static List<ConsentLine> of(ContactChoices contact) {
        return Arrays.stream(Consent.values()).map(c -> {
            Boolean answer = contact == null ? null : contact.answer(c);
            return new ConsentLine(c, answer != null, Boolean.TRUE.equals(answer), answer == null ? null : contact.answeredAt(c));
        }).toList();
    }

    /** The consent's name in ids and message keys: the wizard's field. */
    public String field() {
        return field(consent);
    }

    static String field(Consent consent) {
        return fr.ameli.compte.application.espace.ConsentNames.of(consent);
    }

    public String title() {
        return Texts.text("consent." + field() + ".title");
    }

    /** « Votre choix : Oui, depuis le 1 décembre 2026 à 11h00. » */
    public String state() {
        String answer = Texts.text(given ? "app.yes" : "app.no");
        return since == null ? Texts.format("consent.state", answer) : Texts.format("consent.stateSince", answer, FrenchTime.when(since));
    }

    /** The button's text: what it will do. */
    public String action() {
        return Texts.text("consent." + field() + (given ? ".withdraw" : ".give"));
    }

    /** What the page says once the button did it. */
    static String done(Consent consent, boolean given) {
        return Texts.text("consent." + field(consent) + (given ? ".given" : ".withdrawn"));
    }
}
