-- Activation links of the pending accounts the expiry timer removed: only the token's hash, its
-- expiry and until when the row is kept (ameli.activation.expired-link-retention), so that such a
-- link says « a expiré » rather than « n'est pas reconnu ». No personal data, no NIR, no pseudonym:
-- the hash of a spent random token points at nobody. Portable SQL (Derby and PostgreSQL).
CREATE TABLE expired_activation_link (
    token_hash  CHAR(64)   NOT NULL,
    expires_at  TIMESTAMP  NOT NULL,
    kept_until  TIMESTAMP  NOT NULL,
    CONSTRAINT pk_expired_activation_link PRIMARY KEY (token_hash)
);
CREATE INDEX ix_expired_activation_link_kept ON expired_activation_link (kept_until);
