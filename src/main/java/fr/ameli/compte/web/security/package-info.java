/**
 * How a browser stays logged in: Jakarta Security's mechanism, its configuration, session ids.
 */
package fr.ameli.compte.web.security;
