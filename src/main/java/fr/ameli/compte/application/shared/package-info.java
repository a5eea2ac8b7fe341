/**
 * The service's plumbing the features share: settings, clocks and French dates, the client's address,
 * request admission, job leases and retries on contention.
 */
package fr.ameli.compte.application.shared;
