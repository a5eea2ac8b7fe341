-- « Code oublié ? »: single-use links (stored hashed) to choose a new code personnel.
CREATE TABLE code_reset_token (
    token_hash  CHAR(64)   NOT NULL,
    account_id  BIGINT     NOT NULL,
    expires_at  TIMESTAMP  NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT pk_code_reset_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_code_reset_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_code_reset_token_account ON code_reset_token (account_id);
CREATE INDEX ix_code_reset_token_expires ON code_reset_token (expires_at);
