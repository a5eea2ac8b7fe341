-- « Prolonger » on the new-code page gives a « Code oublié ? » link more time, but never past a
-- moment fixed when the link was sent (ameli.code-reset.longest-life after it, 2 hours by default).
-- Links sent before this column existed cannot be prolonged (null). Portable SQL (Derby and PostgreSQL).
ALTER TABLE code_reset_token ADD COLUMN prolongable_until TIMESTAMP;
