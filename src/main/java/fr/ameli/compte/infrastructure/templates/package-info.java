/**
 * Mustache templates of the mails and the data export.
 */
package fr.ameli.compte.infrastructure.templates;
