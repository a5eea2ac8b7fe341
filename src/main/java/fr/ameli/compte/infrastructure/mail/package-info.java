/**
 * The mail outbox in the database and its transports: SMTP, or files in the demo.
 */
package fr.ameli.compte.infrastructure.mail;
