package fr.ameli.compte.domain.person;

import java.util.Optional;

/** The insured-persons register as the rest of the service sees it. */
public interface InsuredPersonRepository {

    Optional<InsuredPerson> find(Nir nir);

    long count();

    /**
     * Every person born that day whose NIR starts with {@code nirPrefix} (FranceConnect gives no NIR,
     * but its first ten characters follow from what it gives: {@link PivotIdentity#nirPrefixes}).
     */
    java.util.List<InsuredPerson> findByBirthDateAndNirPrefix(java.time.LocalDate birthDate, String nirPrefix);
}
