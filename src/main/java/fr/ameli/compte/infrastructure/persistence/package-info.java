/**
 * JPA repositories, database migrations, backups, job leases and the secret key's storage.
 */
package fr.ameli.compte.infrastructure.persistence;
