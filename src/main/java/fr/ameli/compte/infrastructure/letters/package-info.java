/**
 * Provisional-code letters written as PDF files to print, with their listing.
 */
package fr.ameli.compte.infrastructure.letters;
