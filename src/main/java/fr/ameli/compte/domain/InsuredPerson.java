package fr.ameli.compte.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person of the insured-persons register (« référentiel des assurés », PRODUCT §4): whom the
 * service can identify. Rows come only from the register extract (or the demo register); the
 * service never creates or changes a person on a user's request.
 *
 * <p>The NIR is the identity: stored in its 15-character form (13 + key). It is kept as a plain
 * column because JPA applies no converter to identifiers; {@link #nir()} gives the value object.
 */
@Entity
@Table(name = "insured_person")
public class InsuredPerson {

    @Id
    @Column(name = "nir", length = 15, nullable = false, updatable = false)
    private String nir;

    @Column(name = "family_name", nullable = false, length = 80)
    private PersonName familyName;

    @Column(name = "given_names", length = 80)
    private String givenNames;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "postal_code", nullable = false, length = 5)
    private PostalCode postalCode;

    @Column(name = "city", length = 80)
    private String city;

    @Column(name = "address", length = 200)
    private String address;

    @Column(name = "iban", nullable = false, length = 34)
    private Iban iban;

    @Column(name = "vitale_serial", nullable = false, length = 32)
    private String vitaleSerial;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected InsuredPerson() {
    }

    /**
     * A register entry, checked as a whole: each value object validated itself; here the NIR must
     * agree with the birth date and the Vitale serial must be long enough to hold the 11 digits
     * users type.
     */
    public InsuredPerson(Nir nir, PersonName familyName, String givenNames, LocalDate birthDate,
                         PostalCode postalCode, String city, String address, Iban iban, String vitaleSerial) {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(iban, "iban");
        if (!nir.agreesWith(birthDate)) {
            throw new InvalidValueException("Le numéro de sécurité sociale ne correspond pas à la date de naissance.");
        }
        String serial = vitaleSerial == null ? "" : vitaleSerial.replace(" ", "");
        if (!serial.matches("\\d{11,32}")) {
            throw new InvalidValueException("Le numéro de série de la carte Vitale doit comporter au moins 11 chiffres.");
        }
        this.nir = nir.fullForm();
        this.familyName = familyName;
        this.givenNames = blankToNull(givenNames, 80, "prénom");
        this.birthDate = birthDate;
        this.postalCode = postalCode;
        this.city = blankToNull(city, 80, "commune");
        this.address = blankToNull(address, 200, "adresse");
        this.iban = iban;
        this.vitaleSerial = serial;
        this.updatedAt = Instant.now();
    }

    private static String blankToNull(String value, int maxLength, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException("Le champ " + what + " dépasse " + maxLength + " caractères.");
        }
        return trimmed;
    }

    /** Takes the data of a newer extract row for the same NIR; tells whether anything changed. */
    public boolean updateFrom(InsuredPerson newer) {
        if (!nir.equals(newer.nir)) {
            throw new IllegalArgumentException("Not the same person");
        }
        if (sameDataAs(newer)) {
            return false;
        }
        familyName = newer.familyName;
        givenNames = newer.givenNames;
        birthDate = newer.birthDate;
        postalCode = newer.postalCode;
        city = newer.city;
        address = newer.address;
        iban = newer.iban;
        vitaleSerial = newer.vitaleSerial;
        updatedAt = Instant.now();
        return true;
    }

    private boolean sameDataAs(InsuredPerson other) {
        return familyName.equals(other.familyName)
                && Objects.equals(givenNames, other.givenNames)
                && birthDate.equals(other.birthDate)
                && postalCode.equals(other.postalCode)
                && Objects.equals(city, other.city)
                && Objects.equals(address, other.address)
                && iban.equals(other.iban)
                && vitaleSerial.equals(other.vitaleSerial);
    }

    /**
     * The wizard's identity step (PRODUCT §2.2, §3): the name typed matches (ignoring case, accents,
     * hyphens, apostrophes and spaces), and the birth date and postal code are the register's.
     */
    public boolean isIdentifiedBy(PersonName typedName, LocalDate typedBirthDate, PostalCode typedPostalCode) {
        return familyName.matches(typedName)
                && birthDate.equals(typedBirthDate)
                && postalCode.equals(typedPostalCode);
    }

    /** The wizard's verification step (PRODUCT §2.3): the tails of the IBAN and of the carte Vitale serial are this person's. */
    public boolean isProvenBy(IbanTail ibanTail, VitaleSerialTail vitaleSerialTail) {
        return ibanTail.matchesIban(iban.value()) && vitaleSerialTail.matchesSerial(vitaleSerial);
    }

    public Nir nir() {
        return Nir.parseFullForm(nir);
    }

    /** What this person's code personnel must not contain or be made of (PRODUCT §2.5, rules 5 and 6). */
    public PersonalData personalData() {
        return new PersonalData(nir(), birthDate, familyName, givenNames);
    }

    public PersonName familyName() {
        return familyName;
    }

    public String givenNames() {
        return givenNames;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public PostalCode postalCode() {
        return postalCode;
    }

    public String city() {
        return city;
    }

    public String address() {
        return address;
    }

    public Iban iban() {
        return iban;
    }

    public String vitaleSerial() {
        return vitaleSerial;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InsuredPerson other && nir.equals(other.nir);
    }

    @Override
    public int hashCode() {
        return nir.hashCode();
    }

    @Override
    public String toString() {
        // Personal data stays out of logs: only the department and birth year of the NIR.
        return "InsuredPerson[" + nir.substring(0, 3) + "…]";
    }
}
