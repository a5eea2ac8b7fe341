-- A provisional code has 10,000 values: it is spent after 5 tries in all, from any address or browser
-- (PRODUCT §2.10). Each try is counted before the code is checked, so that tries made at the same
-- instant are all counted. Portable SQL (Derby and PostgreSQL).
ALTER TABLE provisional_code ADD COLUMN tries INTEGER DEFAULT 0 NOT NULL;
