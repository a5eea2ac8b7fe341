/**
 * The account-creation wizard (webapp creation/, activation.xhtml): its steps and their forms, the
 * pages after it, and the FranceConnect identity handed to it.
 */
package fr.ameli.compte.web.creation;
