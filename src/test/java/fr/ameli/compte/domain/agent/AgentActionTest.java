package fr.ameli.compte.domain.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rights of the espace agent (PRODUCT §2.12), action by action and role by role. */
class AgentActionTest {

    private static final Set<AgentRole> NONE = Set.of();
    private static final Set<AgentRole> AGENT = Set.of(AgentRole.AGENT);
    private static final Set<AgentRole> SUPERVISEUR = Set.of(AgentRole.SUPERVISEUR);
    private static final Set<AgentRole> BOTH = EnumSet.allOf(AgentRole.class);

    /** Each action: whether no role, an agent, a superviseur, and both roles may do it. */
    static Stream<Arguments> rights() {
        return Stream.of(
                Arguments.of(AgentAction.LOOK_UP, false, true, true, true),
                Arguments.of(AgentAction.LIFT_LOCKS, false, true, true, true),
                Arguments.of(AgentAction.RESEND_ACTIVATION, false, true, true, true),
                Arguments.of(AgentAction.SEND_PROVISIONAL_CODE, false, true, true, true),
                Arguments.of(AgentAction.REPLACE_EMAIL, false, true, true, true),
                Arguments.of(AgentAction.REMOVE_PASSKEYS, false, true, true, true),
                Arguments.of(AgentAction.CLOSE_ACCOUNT, false, false, true, true),
                Arguments.of(AgentAction.LOAD_REGISTER, false, false, true, true),
                Arguments.of(AgentAction.READ_JOURNAL, false, false, true, true),
                Arguments.of(AgentAction.END_SESSIONS, false, false, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rights")
    void who_may_do_what(AgentAction action, boolean withoutRole, boolean agent, boolean superviseur, boolean both) {
        assertEquals(withoutRole, action.allowedTo(NONE), "without a role");
        assertEquals(agent, action.allowedTo(AGENT), "agent");
        assertEquals(superviseur, action.allowedTo(SUPERVISEUR), "superviseur");
        assertEquals(both, action.allowedTo(BOTH), "agent and superviseur");
        assertEquals(agent, new Agent("a-1", "Agnès", AGENT).may(action), "an Agent asks the same table");
    }

    @org.junit.jupiter.api.Test
    void every_action_is_in_the_table() {
        assertEquals(EnumSet.allOf(AgentAction.class),
                rights().map(a -> (AgentAction) a.get()[0]).collect(() -> EnumSet.noneOf(AgentAction.class), Set::add, Set::addAll),
                "a new action needs its line here: " + Arrays.toString(AgentAction.values()));
    }

    @org.junit.jupiter.api.Test
    void the_roles_are_read_from_the_claim_whatever_the_case() {
        assertEquals(java.util.Optional.of(AgentRole.SUPERVISEUR), AgentRole.ofGroup(" Superviseur "));
        assertEquals(java.util.Optional.of(AgentRole.AGENT), AgentRole.ofGroup("agent"));
        assertEquals(java.util.Optional.empty(), AgentRole.ofGroup("admin"));
        assertEquals(java.util.Optional.empty(), AgentRole.ofGroup(null));
    }
}
