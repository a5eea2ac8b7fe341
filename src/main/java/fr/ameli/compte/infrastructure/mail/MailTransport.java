package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;

/** How a mail leaves the service ({@code ameli.mail.mode}). */
interface MailTransport {

    void send(long mailId, MailMessage mail) throws Exception;
}
