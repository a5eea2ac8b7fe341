/**
 * The espace agent's use cases (PRODUCT §2.12): a person's file, the actions done for them with a reason,
 * the journal, the register upload and the agents' sessions; the records the agent pages show.
 */
package fr.ameli.compte.application.agent;
