-- Jobs that must run on one server at a time (the expiry timer, the outbox retries): each tick
-- takes or renews the job's lease; another server takes over when a lease is left to expire.
CREATE TABLE job_lease (
    name        VARCHAR(40)   NOT NULL,
    owner       VARCHAR(100)  NOT NULL,
    expires_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
);
INSERT INTO job_lease (name, owner, expires_at) VALUES ('activation-expiry', '', CAST('1970-01-01 00:00:00' AS TIMESTAMP));
INSERT INTO job_lease (name, owner, expires_at) VALUES ('mail-outbox', '', CAST('1970-01-01 00:00:00' AS TIMESTAMP));
