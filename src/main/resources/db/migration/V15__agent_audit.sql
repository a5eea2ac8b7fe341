-- The espace agent (PRODUCT §2.12): every look-up and every action of an agent of the caisse is an
-- audit event that names the agent (the subject of their OpenID Connect token) and the reason they
-- typed. Both columns stay null for the person's own events. The index serves the « Journal des
-- actions » (one agent, or all, over a day, newest first). Portable SQL (Derby and PostgreSQL).
ALTER TABLE audit_event ADD COLUMN agent VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN reason VARCHAR(300);
CREATE INDEX ix_audit_event_agent ON audit_event (agent, occurred_at);
-- The agent's view of a person lists the mails to the account's address (subject and state only).
CREATE INDEX ix_outbound_mail_recipient ON outbound_mail (recipient, created_at);
