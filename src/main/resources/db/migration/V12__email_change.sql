-- « Modifier mon adresse email » (PRODUCT §2.11): the confirmation link mailed to the new address,
-- stored hashed, single use, with the address it would set. One unused link per account at a time
-- (asking again replaces it). The rows go with their account (ON DELETE CASCADE): the expiry sweep
-- and a closure remove an account without first knowing of its pending changes. Portable SQL
-- (Derby and PostgreSQL).
CREATE TABLE email_change_token (
    token_hash  CHAR(64)      NOT NULL,
    account_id  BIGINT        NOT NULL,
    new_email   VARCHAR(254)  NOT NULL,
    expires_at  TIMESTAMP     NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT pk_email_change_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_email_change_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_email_change_token_account ON email_change_token (account_id);
CREATE INDEX ix_email_change_token_expires ON email_change_token (expires_at);
