package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.connexion.LockInForce;
import fr.ameli.compte.application.mail.MailLine;
import fr.ameli.compte.domain.person.Nir;

import java.io.Serializable;
import java.util.List;

/**
 * All an agent sees of a person: the register entry, the account, its locks, the last 20 events, the
 * mails and the letters, and how many passkeys the account has (never what they are).
 */
public record PersonFile(Nir nir, RegisterEntry entry, AccountState account, List<LockInForce> locks,
                         List<EventLine> events, List<MailLine> mails, List<LetterLine> letters, int passkeys) implements Serializable {
    public PersonFile { // copied: immutable and serializable (the page keeps it in its view, replicated with the session)
        locks = List.copyOf(locks); events = List.copyOf(events); mails = List.copyOf(mails); letters = List.copyOf(letters);
    }
}
