/**
 * « Mon espace » (webapp espace/, confirmation-email.xhtml): the logged-in person's pages.
 */
package fr.ameli.compte.web.espace;
