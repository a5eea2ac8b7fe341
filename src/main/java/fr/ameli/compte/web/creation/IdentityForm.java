package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.creation.IdentityClaim;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PostalCode;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.Optional;

/** What the person typed at the wizard's step « identité » (PRODUCT §2.2): form {@code identite}. */
public class IdentityForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String FORM = "identite";

    private String name;
    private String nir;
    private String birthDate;
    private String postalCode;
    private boolean fromFranceConnect;

    /** The identity claimed, or empty with a message at each field that is missing or refused. */
    Optional<IdentityClaim> read(PageMessages messages, Clock clock) {
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<PersonName> n = fields.required("nom", name, PersonName::new);
        Optional<Nir> r = fields.required("nir", nir, Nir::parse);
        Optional<BirthDate> b = fields.required("naissance", birthDate, typed -> BirthDate.parse(typed.strip(), clock));
        Optional<PostalCode> p = fields.required("codePostal", postalCode, PostalCode::new);
        if (n.isEmpty() || r.isEmpty() || b.isEmpty() || p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdentityClaim(r.get(), n.get(), b.get(), p.get()));
    }

    /** Shows an identity proven elsewhere (a provisional code) as if it had been typed. */
    void show(IdentityClaim claim) {
        name = claim.name().value();
        nir = claim.nir().display();
        birthDate = claim.birthDate().format();
        postalCode = claim.postalCode().value();
    }

    /** What FranceConnect said, already typed: the family name and the birth date. */
    void prefill(FranceConnectIdentity identity, Clock clock) {
        name = identity.familyName();
        birthDate = identity.birthDate() == null ? null : BirthDate.of(identity.birthDate(), clock).format();
        fromFranceConnect = true;
    }

    /** Whether FranceConnect typed it in (the page says so). */
    public boolean isFromFranceConnect() {
        return fromFranceConnect;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNir() { return nir; }
    public void setNir(String nir) { this.nir = nir; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
}
