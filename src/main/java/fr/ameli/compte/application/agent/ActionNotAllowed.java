package fr.ameli.compte.application.agent;

import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentAction;
import jakarta.ejb.ApplicationException;

import java.io.Serial;

/** The agent's role does not allow the action: nothing was read or changed. */
@ApplicationException(rollback = true)
public class ActionNotAllowed extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ActionNotAllowed(Agent agent, AgentAction action) {
        super(agent.subject() + " may not " + action);
    }
}
