-- The insured-persons register (SPEC §4): one row per NIR, in its 15-character form with key.
-- Portable SQL (Derby and PostgreSQL).
CREATE TABLE insured_person (
    nir            CHAR(15)     NOT NULL,
    family_name    VARCHAR(80)  NOT NULL,
    given_names    VARCHAR(80),
    birth_date     DATE         NOT NULL,
    postal_code    CHAR(5)      NOT NULL,
    city           VARCHAR(80),
    address        VARCHAR(200),
    iban           VARCHAR(34)  NOT NULL,
    vitale_serial  VARCHAR(32)  NOT NULL,
    updated_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_insured_person PRIMARY KEY (nir)
);
