/**
 * Code hashing (PBKDF2) and the common codes list.
 */
package fr.ameli.compte.infrastructure.security;
