/**
 * The espace agent's pages (webapp agent/): login through the organisation's provider, the person's
 * file and its actions, the journal and its sessions form, the register upload.
 */
package fr.ameli.compte.web.agent;
