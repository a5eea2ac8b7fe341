package fr.ameli.compte.domain.agent;

import java.util.Set;

/**
 * What a member of staff may do in the espace agent (PRODUCT §2.12), and which role may do it:
 * an agent finds a person and helps them; only a superviseur closes an account, loads a register
 * extract or reads the journal of the agents' actions. The one table of these rights.
 */
public enum AgentAction {
    LOOK_UP(AgentRole.AGENT),
    LIFT_LOCKS(AgentRole.AGENT),
    RESEND_ACTIVATION(AgentRole.AGENT),
    SEND_PROVISIONAL_CODE(AgentRole.AGENT),
    REPLACE_EMAIL(AgentRole.AGENT),
    REMOVE_PASSKEYS(AgentRole.AGENT),
    CLOSE_ACCOUNT(AgentRole.SUPERVISEUR),
    LOAD_REGISTER(AgentRole.SUPERVISEUR),
    READ_JOURNAL(AgentRole.SUPERVISEUR),
    END_SESSIONS(AgentRole.SUPERVISEUR);

    private final AgentRole least;

    AgentAction(AgentRole least) {
        this.least = least;
    }

    /** Whether someone with these roles may do it: a superviseur may do all an agent may. */
    public boolean allowedTo(Set<AgentRole> roles) {
        return roles.contains(AgentRole.SUPERVISEUR) || (least == AgentRole.AGENT && roles.contains(AgentRole.AGENT));
    }
}
