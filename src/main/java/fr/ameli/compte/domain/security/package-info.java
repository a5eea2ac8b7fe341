/**
 * Throttle counters and their locks, and the audit trail's events (PRODUCT §5).
 */
package fr.ameli.compte.domain.security;
