package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
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

    /** The keyed hash of the IBAN's last 7 characters ({@link ProofTails}): the IBAN itself is never kept. */
    @Column(name = "iban_tail_hash", nullable = false, length = 64)
    private String ibanTailHash;

    /** The keyed hash of the carte Vitale serial's last 11 digits: the serial itself is never kept. */
    @Column(name = "vitale_tail_hash", nullable = false, length = 64)
    private String vitaleTailHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected InsuredPerson() {
    }

    /**
     * A register entry, checked as a whole: each value object validated itself; here the NIR must
     * agree with the birth date. Of the IBAN and the Vitale serial only their tails' keyed hashes
     * are given ({@link ProofTails#ofRegister}).
     */
    public InsuredPerson(Nir nir, PersonName familyName, String givenNames, LocalDate birthDate,
                         PostalCode postalCode, String city, String address, ProofTails proof) {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(proof, "proof");
        if (!nir.agreesWith(birthDate)) {
            throw new InvalidValueException("Le numéro de sécurité sociale ne correspond pas à la date de naissance.");
        }
        this.nir = nir.fullForm();
        this.familyName = familyName;
        this.givenNames = blankToNull(givenNames, 80, "prénom");
        this.birthDate = birthDate;
        this.postalCode = postalCode;
        this.city = blankToNull(city, 80, "commune");
        this.address = blankToNull(address, 200, "adresse");
        this.ibanTailHash = proof.ibanTailHash();
        this.vitaleTailHash = proof.vitaleTailHash();
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

    /** What of a register entry a newer extract row can change (named in the audit trail of an upload, never with its value). */
    public enum Field { FAMILY_NAME, GIVEN_NAMES, BIRTH_DATE, POSTAL_CODE, CITY, ADDRESS, IBAN_TAIL, VITALE_TAIL }

    /** What differs in a newer extract row for the same NIR (empty: nothing). */
    public java.util.List<Field> differencesFrom(InsuredPerson newer) {
        if (!nir.equals(newer.nir)) {
            throw new IllegalArgumentException("Not the same person");
        }
        java.util.List<Field> changed = new java.util.ArrayList<>();
        if (!familyName.equals(newer.familyName)) {
            changed.add(Field.FAMILY_NAME);
        }
        if (!Objects.equals(givenNames, newer.givenNames)) {
            changed.add(Field.GIVEN_NAMES);
        }
        if (!birthDate.equals(newer.birthDate)) {
            changed.add(Field.BIRTH_DATE);
        }
        if (!postalCode.equals(newer.postalCode)) {
            changed.add(Field.POSTAL_CODE);
        }
        if (!Objects.equals(city, newer.city)) {
            changed.add(Field.CITY);
        }
        if (!Objects.equals(address, newer.address)) {
            changed.add(Field.ADDRESS);
        }
        if (!ibanTailHash.equals(newer.ibanTailHash)) {
            changed.add(Field.IBAN_TAIL);
        }
        if (!vitaleTailHash.equals(newer.vitaleTailHash)) {
            changed.add(Field.VITALE_TAIL);
        }
        return changed;
    }

    /** Takes the data of a newer extract row for the same NIR; tells what changed (empty: nothing). */
    public java.util.List<Field> updateFrom(InsuredPerson newer) {
        java.util.List<Field> changed = differencesFrom(newer);
        if (changed.isEmpty()) {
            return changed;
        }
        familyName = newer.familyName;
        givenNames = newer.givenNames;
        birthDate = newer.birthDate;
        postalCode = newer.postalCode;
        city = newer.city;
        address = newer.address;
        ibanTailHash = newer.ibanTailHash;
        vitaleTailHash = newer.vitaleTailHash;
        updatedAt = Instant.now();
        return changed;
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

    /**
     * The wizard's verification step (PRODUCT §2.3): the tails of the IBAN and of the carte Vitale
     * serial typed ({@link ProofTails#ofTyped}, with the same key) are this person's.
     */
    public boolean isProvenBy(ProofTails typed) {
        return new ProofTails(ibanTailHash, vitaleTailHash).matches(typed);
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

    /** The keyed hashes of the two tails (never the IBAN nor the serial themselves). */
    public ProofTails proof() {
        return new ProofTails(ibanTailHash, vitaleTailHash);
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
