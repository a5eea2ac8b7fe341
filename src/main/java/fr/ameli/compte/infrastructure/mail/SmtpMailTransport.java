package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.MailMessage;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import java.util.Properties;

/** {@code ameli.mail.mode=smtp}: through the relay at {@code ameli.smtp.host:port}, Jakarta Mail. */
@ApplicationScoped
class SmtpMailTransport implements MailTransport {

    @Inject
    AmeliConfig config;

    @Override
    public void send(long mailId, MailMessage mail) throws Exception {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        Session session = Session.getInstance(props);
        Transport.send(MimeMessages.build(session, config.mailFrom(), mail));
    }
}
