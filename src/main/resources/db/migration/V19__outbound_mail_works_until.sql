-- Until when what a mail carries works (a link, a security code), when it carries one: in the file
-- mode (the demo) the mail's .eml file is deleted once that moment has passed, so that no file keeps
-- a secret longer than it matters. Null for a mail that carries none. Portable SQL (Derby and PostgreSQL).
ALTER TABLE outbound_mail ADD COLUMN works_until TIMESTAMP;
