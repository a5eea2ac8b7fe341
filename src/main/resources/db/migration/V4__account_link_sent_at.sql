-- When the last activation link was sent: a resent link gives the person a full validity period,
-- and the expiry timer counts from it.
ALTER TABLE account ADD COLUMN link_sent_at TIMESTAMP;
UPDATE account SET link_sent_at = created_at;
CREATE INDEX ix_account_status_link_sent ON account (status, link_sent_at);
