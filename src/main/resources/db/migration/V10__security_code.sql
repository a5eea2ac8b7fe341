-- The login's second step (PRODUCT §2.10): the 6-digit security code mailed to the account's
-- address, stored only as an HMAC with the service's key, one at a time per account, single use,
-- a few minutes, three tries.
CREATE TABLE security_code (
    account_id  BIGINT     NOT NULL,
    code_hash   CHAR(64)   NOT NULL,
    expires_at  TIMESTAMP  NOT NULL,
    wrong_tries INTEGER    NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT pk_security_code PRIMARY KEY (account_id),
    CONSTRAINT fk_security_code_account FOREIGN KEY (account_id) REFERENCES account (id)
);
