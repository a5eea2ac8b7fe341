package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailLine;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/** The outbox as a table, written in the caller's transaction. */
@ApplicationScoped
public class JpaMailOutbox implements MailOutbox {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @Inject
    Event<MailQueued> queued;
    @Inject
    Clock clock;

    @Override
    public void enqueue(MailMessage mail, Long accountId) {
        OutboundMail row = new OutboundMail(mail, accountId, clock.instant());
        em.persist(row);
        em.flush();
        // Observed AFTER_SUCCESS: the mail leaves only once the caller's transaction has committed.
        queued.fire(new MailQueued(row.id()));
    }

    /** Sent once delivered; failed while its last attempt failed (it is still retried); else waiting. */
    @Override
    public List<MailLine> mailsOf(long accountId, int max) {
        return em.createQuery("select m from OutboundMail m where m.accountId = :account order by m.createdAt desc, m.id desc",
                        OutboundMail.class).setParameter("account", accountId).setMaxResults(max).getResultStream()
                .map(m -> new MailLine(m.createdAt(), m.subject(), m.sentAt() != null ? MailLine.State.SENT
                        : m.attempts() > 0 ? MailLine.State.FAILED : MailLine.State.WAITING))
                .toList();
    }
}
