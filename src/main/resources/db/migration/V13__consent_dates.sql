-- Since when each consent's answer is what it is (PRODUCT §2.11; RGPD art. 7(1): the caisse can
-- show when a consent was given or withdrawn, and the person's data download says it). Null while
-- a consent was never answered (a phone never given). Portable SQL (Derby and PostgreSQL).
ALTER TABLE account ADD COLUMN email_promotions_at TIMESTAMP;
ALTER TABLE account ADD COLUMN mobile_calls_at TIMESTAMP;
ALTER TABLE account ADD COLUMN mobile_sms_at TIMESTAMP;
ALTER TABLE account ADD COLUMN landline_calls_at TIMESTAMP;

-- The accounts created before: their answers were given in the wizard, when the account was created.
UPDATE account SET email_promotions_at = created_at;
UPDATE account SET mobile_calls_at = created_at WHERE mobile_calls IS NOT NULL;
UPDATE account SET mobile_sms_at = created_at WHERE mobile_sms IS NOT NULL;
UPDATE account SET landline_calls_at = created_at WHERE landline_calls IS NOT NULL;
