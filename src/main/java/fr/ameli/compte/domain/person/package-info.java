/**
 * The insured person of the register (PRODUCT §3, §4) and the values that identify them: NIR, name,
 * birth date, postal code, the IBAN and Vitale tails and their keyed hashes, a FranceConnect identity.
 */
package fr.ameli.compte.domain.person;
