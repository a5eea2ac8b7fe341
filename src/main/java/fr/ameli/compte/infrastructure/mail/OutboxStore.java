package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's short transactions, each on its own: claiming a mail (so that two deliveries,
 * on one server or several, never send it twice), and recording the result.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** How long a claim holds: longer than any SMTP exchange, short enough to retry after a crash. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @Inject
    Clock clock;

    /** Takes the mail for delivery if nobody else holds it and it is not sent; returns it then. */
    public Optional<MailMessage> claim(long id) {
        Instant now = clock.instant();
        int claimed = em.createQuery("update OutboundMail m set m.claimedUntil = :until "
                        + "where m.id = :id and m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now)")
                .setParameter("until", now.plus(CLAIM))
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
        if (claimed != 1) {
            return Optional.empty();
        }
        OutboundMail mail = em.find(OutboundMail.class, id);
        em.refresh(mail);
        return Optional.of(mail.message());
    }

    public void markSent(long id) {
        OutboundMail mail = em.find(OutboundMail.class, id);
        if (mail != null) {
            mail.sent(clock.instant());
        }
    }

    /** Records a failed attempt; the next one waits the interval, then twice, four times… up to one hour. */
    public void markFailed(long id, String error, Duration interval) {
        OutboundMail mail = em.find(OutboundMail.class, id);
        if (mail != null) {
            Duration backOff = interval.multipliedBy(1L << Math.min(mail.attempts(), 12));
            mail.failed(clock.instant(), error, backOff.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backOff);
        }
    }

    /** Mails due for a (new) attempt. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(int max) {
        Instant now = clock.instant();
        return em.createQuery("select m.id from OutboundMail m where m.sentAt is null and m.nextAttemptAt <= :now "
                        + "and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id", Long.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }
}
