package fr.ameli.compte.domain;

import java.util.Optional;

/** The insured-persons register as the rest of the service sees it. */
public interface InsuredPersonRepository {

    Optional<InsuredPerson> find(Nir nir);

    long count();

    /** The persons born that day (FranceConnect gives names and a birth date, no NIR). */
    java.util.List<InsuredPerson> findByBirthDate(java.time.LocalDate birthDate);
}
