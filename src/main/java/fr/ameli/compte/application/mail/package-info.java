/**
 * Mails as the use cases see them: the message, the outbox that sends it after the commit, and the
 * templates it is written from (the adapters are in infrastructure.mail and infrastructure.templates).
 */
package fr.ameli.compte.application.mail;
