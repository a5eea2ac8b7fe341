/**
 * MicroProfile Config read once and checked at start (README « Configuration keys »).
 */
package fr.ameli.compte.infrastructure.config;
