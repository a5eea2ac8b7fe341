package fr.ameli.compte.web.espace;

import fr.ameli.compte.application.espace.PasskeyManagement;
import fr.ameli.compte.application.security.PasskeyOptions;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.web.security.PasskeyChallenges;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * « Mes clés d'accès » (PRODUCT §2.11; {@code espace/cles-acces.xhtml}, {@code #{passkeysPage}}): the
 * person's passkeys — each with its name (which they may change), when it was made and last used,
 * whether it is synchronised, and « Supprimer » — and « Créer une clé d'accès sur cet appareil »,
 * after the code personnel typed again ({@link Reauthentication}, every time, as for the address).
 * The page's script ({@code resources/js/cles-acces.js}) runs the browser's ceremony with the options
 * this bean gives (a challenge of this session) and posts its answer; without script or WebAuthn the
 * creation does not show.
 */
@Named
@RequestScoped
public class PasskeysPage {

    static final String FORM = "creation";
    static final String SELF = "/espace/cles-acces?faces-redirect=true";

    @Inject
    PasskeyManagement management;
    @Inject
    PasskeyChallenges challenges;
    @Inject
    Reauthentication reauthentication;
    @Inject
    LoggedInPerson loggedIn;
    @Inject
    ServiceSettings settings;
    @Inject
    PageMessages messages;
    @Inject
    fr.ameli.compte.web.shared.FlashData flash;
    @Inject
    Clock clock;

    /** The browser's answer to {@code navigator.credentials.create()} (JSON), posted by the script. */
    private String answer;
    private List<Line> lines;
    /** The names typed at each line, by passkey id. */
    private final java.util.Map<Long, String> names = new java.util.HashMap<>();
    private String options;
    /** The key « Supprimer » was pressed for, carried by the confirmation's form. */
    private Long removalId;

    /** A passkey as the page shows it. */
    public record Line(long id, String name, String createdAt, String lastUsedAt, boolean synced) {
    }

    /** Whether the service offers passkeys (else the page and the link say nothing of them). */
    public boolean isEnabled() {
        return settings.passkeysEnabled();
    }

    /** The options of {@code navigator.credentials.create()}, with a challenge given to this session now (JSON, for the script). */
    public String getCreationOptions() {
        if (options == null) {
            Optional<Nir> nir = loggedIn.nir();
            options = nir.flatMap(n -> management.creationOptions(n, challenges.issue(PasskeyChallenges.Purpose.CREATION, clock.instant())))
                    .orElse("");
        }
        return options;
    }

    /** « Créer une clé d'accès sur cet appareil »: the code personnel first, then the browser's answer checked. */
    public String create() {
        Optional<Nir> nir = loggedIn.nir();
        if (nir.isEmpty() || !isEnabled()) {
            return ContactSettingsPage.MY_SPACE;
        }
        boolean codeTyped = reauthentication.typed(messages, FORM, Reauthentication.When.ALWAYS);
        if (!codeTyped || !reauthentication.confirmed(messages, FORM, Reauthentication.When.ALWAYS)) {
            return null;
        }
        Optional<byte[]> challenge = challenges.take(PasskeyChallenges.Purpose.CREATION, clock.instant());
        if (answer == null || answer.isBlank() || answer.length() > 20_000 || challenge.isEmpty()) {
            new FieldReader(messages, FORM).error("creer", challenge.isEmpty() ? "passkeys.expired" : "passkeys.notCreated");
            return null;
        }
        return switch (management.add(nir.get(), answer, challenge.get())) {
            case ADDED -> done("passkeys.added");
            case NO_ACCOUNT -> ContactSettingsPage.MY_SPACE;
            case REFUSED -> {
                new FieldReader(messages, FORM).error("creer", "passkeys.notCreated");
                yield null;
            }
        };
    }

    /** « Renommer » of one passkey: the name typed at its line (blank: « Clé d'accès »). */
    public String rename(long id) {
        Optional<Nir> nir = loggedIn.nir();
        return nir.isPresent() && management.rename(nir.get(), id, names.get(id)) ? done("passkeys.renamed") : ContactSettingsPage.MY_SPACE;
    }

    /**
     * « Supprimer » of one passkey: nothing is removed yet; the page asks to confirm, naming the key
     * (RGAA 11.12: a removal that cannot be undone is confirmed first).
     */
    public String remove(long id) {
        if (loggedIn.nir().isEmpty()) {
            return ContactSettingsPage.MY_SPACE;
        }
        removalId = id;
        return getRemoval() == null ? SELF : null;
    }

    /** « Confirmer la suppression »: the key stops working at once. */
    public String confirmRemoval() {
        Optional<Nir> nir = loggedIn.nir();
        return nir.isPresent() && removalId != null && management.remove(nir.get(), removalId)
                ? done("passkeys.removed") : ContactSettingsPage.MY_SPACE;
    }

    /** The key whose removal waits for its confirmation; else null. */
    public Line getRemoval() {
        return removalId == null ? null : getLines().stream().filter(l -> l.id() == removalId).findFirst().orElse(null);
    }

    /** « Vous allez supprimer la clé « … » … Confirmez-vous ? ». */
    public String getRemovalWarning() {
        Line line = getRemoval();
        return line == null ? null : Texts.format("passkeys.removeWarning", line.name());
    }

    public Long getRemovalId() { return removalId; }
    public void setRemovalId(Long removalId) { this.removalId = removalId; }

    private String done(String key) {
        flash.passkeysDone(Texts.text(key));
        return SELF;
    }

    /** What was just done (shown once, after the redirect). */
    public String getDone() {
        return flash.passkeysDone().orElse(null);
    }

    public List<Line> getLines() {
        if (lines == null) {
            lines = loggedIn.nir().map(management::list).orElse(List.of()).stream()
                    .map(p -> new Line(p.id(), p.name(), FrenchTime.when(p.createdAt()),
                            p.lastUsedAt() == null ? Texts.text("passkeys.neverUsed") : FrenchTime.when(p.lastUsedAt()), p.synced()))
                    .toList();
        }
        return lines;
    }

    public int getNameMax() {
        return Passkey.NAME_MAX;
    }

    /** « 5 minutes »: how long the device waits for the person (said on the page, not a silent limit). */
    public String getCeremony() {
        return FrenchTime.duration(PasskeyOptions.CEREMONY);
    }

    public java.util.Map<Long, String> getNames() { return names; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
}
