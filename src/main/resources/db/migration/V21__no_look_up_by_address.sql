-- Nothing is looked up or listed by an email address alone (docs/PRODUCT.md §3): two accounts may
-- share one (a household, a helper's mailbox), the agent's file lists an account's mails by the
-- account. The index that served the listing by address goes. Portable SQL (Derby and PostgreSQL).
DROP INDEX ix_outbound_mail_recipient;
