package fr.ameli.compte.application.creation;

/**
 * Where letters for the print run go. Like mails, a letter is produced only once the
 * transaction that decided it has committed: a rollback posts nothing.
 */
public interface LetterOutbox {

    void enqueue(Letter letter);
}
