/**
 * What every feature's rules lean on: throttling and locks, the audit trail, the NIRs' pseudonyms,
 * secret tokens and keys, the code hashing port and the mails that tell a person of a security event.
 */
package fr.ameli.compte.application.security;
