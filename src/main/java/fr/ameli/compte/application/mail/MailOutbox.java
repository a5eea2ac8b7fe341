package fr.ameli.compte.application.mail;

/**
 * Where use cases put the mails they cause. The mail is recorded in the caller's transaction
 * and leaves only after that transaction commits: a rollback sends nothing, a crash after the
 * commit loses nothing (the outbox is retried).
 */
public interface MailOutbox {

    /** Records the mail; {@code accountId} ties it to an account (its data goes with the account). */
    void enqueue(MailMessage mail, Long accountId);

    /**
     * The latest mails of this account, newest first, at most {@code max}: subject and state, never the
     * body (PRODUCT §2.12). By account, never by address: two accounts may share one (a household, a
     * helper's mailbox), and neither's file shows the other's mails.
     */
    java.util.List<MailLine> mailsOf(long accountId, int max);
}
