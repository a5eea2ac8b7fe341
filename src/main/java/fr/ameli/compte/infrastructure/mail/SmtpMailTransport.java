package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import java.util.Properties;

/**
 * {@code ameli.mail.mode=smtp}: through the relay at {@code ameli.smtp.host:port}, Jakarta Mail.
 * One mail session serves every mail: making one reads Jakarta Mail's provider files from the
 * class path again, which took 6 % of the service's processor samples outside code hashing in
 * the benchmark (BENCHMARKS « Light driver »).
 */
@ApplicationScoped
class SmtpMailTransport implements MailTransport {

    @Inject
    AmeliConfig config;

    private volatile Session session;

    @Override
    public void send(long mailId, MailMessage mail) throws Exception {
        Transport.send(MimeMessages.build(session(), config.mailFrom(), mail));
    }

    private Session session() {
        Session made = session;
        if (made == null) {
            made = Session.getInstance(properties());
            session = made;
        }
        return made;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        return props;
    }
}
