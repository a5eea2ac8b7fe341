/**
 * The code personnel's rules (PRODUCT §2.5): the rules, their check, the strength shown to the person
 * and the common codes refused.
 */
package fr.ameli.compte.domain.code;
