/**
 * The login pages (webapp index.xhtml, connexion/, code-oublie.xhtml, nouveau-code.xhtml): the code
 * personnel, the security code, a new activation mail, « Code oublié ? » and FranceConnect.
 */
package fr.ameli.compte.web.connexion;
