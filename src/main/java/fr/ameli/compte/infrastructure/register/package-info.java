/**
 * Reading a register extract (CSV) and loading it, at start-up or by upload.
 */
package fr.ameli.compte.infrastructure.register;
