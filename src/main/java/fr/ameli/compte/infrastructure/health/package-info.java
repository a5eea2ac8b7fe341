/**
 * MicroProfile Health checks and metrics.
 */
package fr.ameli.compte.infrastructure.health;
