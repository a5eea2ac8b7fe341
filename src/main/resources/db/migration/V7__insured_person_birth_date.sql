-- FranceConnect identities are matched by birth date and names.
CREATE INDEX ix_insured_person_birth_date ON insured_person (birth_date);
