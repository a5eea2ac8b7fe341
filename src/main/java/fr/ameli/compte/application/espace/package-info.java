/**
 * « Mon espace » (PRODUCT §2.11): what the logged-in person reads and changes — contact details and
 * consents, the email address, the code personnel, their data, the closure.
 */
package fr.ameli.compte.application.espace;
