/**
 * The caisse's agents (PRODUCT §2.12): who they are, their roles, what each role may do, the reasons
 * they give and their sessions.
 */
package fr.ameli.compte.domain.agent;
