-- The scheduled online backup of embedded Derby (README « Backups »): one server at a time.
INSERT INTO job_lease (name, owner, expires_at) VALUES ('database-backup', '', CAST('1970-01-01 00:00:00' AS TIMESTAMP));
