/**
 * Creating an account (PRODUCT §2.2–§2.8): the identity and its proof against the register, the
 * provisional code by post, the registration, the activation link and the expiry of pending accounts.
 */
package fr.ameli.compte.application.creation;
