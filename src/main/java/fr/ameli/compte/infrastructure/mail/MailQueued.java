package fr.ameli.compte.infrastructure.mail;

/** CDI event: a mail was written to the outbox (observed after the transaction commits). */
record MailQueued(long mailId) {
}
