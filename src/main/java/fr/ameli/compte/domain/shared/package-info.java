/**
 * What every aggregate's values share: the refusal of a value, with its French message.
 */
package fr.ameli.compte.domain.shared;
