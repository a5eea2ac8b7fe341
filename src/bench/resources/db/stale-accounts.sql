-- The benchmark's stale pending accounts (StaleAccounts, written while the service is stopped, then
-- removed by its expiry timer): people who registered, were sent their activation link 3 days ago
-- (it is valid 48 h) and never came back. Each with its activation token and the mail that carried
-- the link, as the service writes them.
--
-- The tables are those of the service's migrations, src/main/resources/db/migration:
--   account           V2__account_activation_mail.sql, plus nir_hash (V3__throttle_audit.sql) and
--                     link_sent_at (V4__account_link_sent_at.sql), from which the timer counts;
--   activation_token  V2__account_activation_mail.sql;
--   outbound_mail     V2__account_activation_mail.sql.
-- A migration that adds a NOT NULL column to one of them must add it here too.
--
-- Portable SQL (embedded Derby and PostgreSQL). Run once per account, in batches: each :name is
-- a value StaleAccounts gives (no colon may appear otherwise); statements end with a semicolon
-- at the end of a line.

INSERT INTO account (id, nir, status, code_hash, terms_accepted_at, email, email_promotions,
                     created_at, link_sent_at, nir_hash)
VALUES (:id, :nir, 'PENDING_ACTIVATION', :code_hash, :sent_at, :email, FALSE,
        :sent_at, :sent_at, :nir_hash);

INSERT INTO activation_token (token_hash, account_id, expires_at)
VALUES (:token_hash, :id, :expires_at);

-- The subject is ActivationMail's; the mail has left (sent_at), so its body is cleared.
INSERT INTO outbound_mail (account_id, recipient, subject, created_at, attempts, next_attempt_at, sent_at)
VALUES (:id, :email, 'Activez votre compte ameli', :sent_at, 1, :sent_at, :sent_at);
