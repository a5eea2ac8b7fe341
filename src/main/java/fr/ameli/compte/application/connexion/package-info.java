/**
 * Logging in (PRODUCT §2.1, §2.10): the code personnel and its locks, the security code, remembered
 * browsers, login sessions, « Code oublié ? » and FranceConnect.
 */
package fr.ameli.compte.application.connexion;
