/**
 * What every request goes through: the filters, cookies, client errors, forms read once, resource versions.
 */
package fr.ameli.compte.web.http;
