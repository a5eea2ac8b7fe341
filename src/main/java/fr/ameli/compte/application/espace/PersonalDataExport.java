package fr.ameli.compte.application.espace;

import fr.ameli.compte.domain.account.RememberedBrowserRepository;
import fr.ameli.compte.domain.account.LoginSessionRepository;
import fr.ameli.compte.application.shared.Words;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.mail.Templates;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.PhoneNumber;
import fr.ameli.compte.domain.account.RememberedBrowser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * « Télécharger mes données » (PRODUCT §2.11, RGPD art. 15): what the account holds about the
 * person, as a JSON file (dates in ISO-8601, for a program) and as a readable HTML page (dates in
 * French, template {@code exports/mes-donnees.html}), from the same reading: the identity as the
 * register gives it and the service shows it (names, birth date, postal code and commune — never
 * the bank details nor the Vitale serial, which the service only compares), the account's dates,
 * email and phones, each consent with the date of its answer, the logins kept, the remembered
 * browsers, the passkeys (their names and dates, never the key). Never the code's hash, nor a token or a key. Each download is an audit event.
 */
@Stateless
public class PersonalDataExport {

    private static final java.time.format.DateTimeFormatter BIRTH_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    AccountRepository accounts;
    @Inject
    LoginSessionRepository loginSessionRepository;
    @Inject
    RememberedBrowserRepository rememberedBrowserRepository;
    @Inject
    InsuredPersonRepository register;
    @Inject
    Templates templates;
    @Inject
    fr.ameli.compte.domain.account.PasskeyRepository passkeys;
    /** The consents and login methods named with the pages' own words ({@code consent.*.title}, {@code logins.method.*}). */
    @Inject
    Words words;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** What is read once for both forms. */
    private record Holdings(Account account, InsuredPerson person, List<LoginSession> logins, List<RememberedBrowser> browsers,
                            List<Passkey> passkeys) {
    }

    /** The JSON file; empty without an active account. */
    public Optional<String> json(Nir nir) {
        return read(nir).map(h -> {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out)) {
                json.write(Json.createObjectBuilder(values(h, false)).build());
            }
            return out.toString();
        });
    }

    /** The readable page; empty without an active account. */
    public Optional<String> html(Nir nir) {
        return read(nir).map(h -> templates.render("exports/mes-donnees.html", values(h, true)));
    }

    private Optional<Holdings> read(Nir nir) {
        Optional<Account> account = accounts.findActive(nir);
        Optional<InsuredPerson> person = register.find(nir);
        if (account.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditEvent.Type.DATA_EXPORTED, nir);
        Instant now = clock.instant();
        return Optional.of(new Holdings(account.get(), person.get(), loginSessionRepository.loginSessions(account.get().id()),
                rememberedBrowserRepository.rememberedBrowsers(account.get().id()).stream().filter(b -> now.isBefore(b.expiresAt())).toList(),
                passkeys.ofAccount(account.get().id())));
    }

    /**
     * The holdings as named values (French names: the person reads them); dates in ISO-8601, or
     * {@code readable} in French (« 1 décembre 2026 à 10h30 », heure de Paris; the birth date as
     * 19/04/1973).
     */
    private Map<String, Object> values(Holdings h, boolean readable) {
        Function<Instant, String> date = readable ? FrenchTime::when : Instant::toString;
        Account a = h.account();
        ContactChoices c = a.contact();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("genere_le", date.apply(clock.instant()));
        all.put("identite", ordered(
                "numero_securite_sociale", a.nir().display(),
                "nom", h.person().familyName().value(),
                "prenoms", h.person().givenNames(),
                "date_de_naissance", readable ? BIRTH_DATE.format(h.person().birthDate()) : h.person().birthDate().toString(),
                "code_postal", h.person().postalCode().value(),
                "commune", h.person().city()));
        all.put("compte", ordered(
                "cree_le", date.apply(a.createdAt()),
                "active_le", a.activatedAt() == null ? "" : date.apply(a.activatedAt()),
                "conditions_acceptees_le", date.apply(a.termsAcceptedAt())));
        all.put("coordonnees", ordered(
                "email", c.email().value(),
                "telephone_portable", c.mobile() == null ? "" : PhoneNumber.mobile(c.mobile()).display(),
                "telephone_fixe", c.landline() == null ? "" : PhoneNumber.landline(c.landline()).display()));
        List<Map<String, Object>> consents = new ArrayList<>();
        for (Consent consent : Consent.values()) {
            Boolean answer = c.answer(consent);
            if (answer != null) {
                Instant at = c.answeredAt(consent);
                consents.add(ordered("consentement", words.of("consent." + ConsentNames.of(consent) + ".title"), "reponse", answer ? "oui" : "non",
                        "depuis_le", at == null ? "" : date.apply(at)));
            }
        }
        all.put("consentements", consents);
        all.put("connexions", h.logins().stream().map(l -> ordered(
                "le", date.apply(l.loggedInAt()),
                "mode", words.of("logins.method." + l.method().name()),
                "navigateur", l.browser(),
                "terminee_le", l.endedAt() == null ? "" : date.apply(l.endedAt()))).toList());
        all.put("appareils_memorises", h.browsers().stream().map(b -> ordered(
                "navigateur", b.description(),
                "memorise_le", date.apply(b.rememberedAt()),
                "jusqu_au", date.apply(b.expiresAt()))).toList());
        all.put("cles_d_acces", h.passkeys().stream().map(p -> ordered(
                "nom", p.name(),
                "creee_le", date.apply(p.createdAt()),
                "derniere_utilisation", p.lastUsedAt() == null ? "" : date.apply(p.lastUsedAt()),
                "synchronisee", p.backedUp() ? "oui" : "non")).toList());
        return all;
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

}
