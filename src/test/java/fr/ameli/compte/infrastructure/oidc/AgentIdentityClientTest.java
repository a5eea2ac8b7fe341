package fr.ameli.compte.infrastructure.oidc;

import fr.ameli.compte.domain.agent.AgentRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which roles of ours a token's claim names (PRODUCT §2.12): providers write lists or strings. */
class AgentIdentityClientTest {

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of("a list with one role", List.of("agent"), EnumSet.of(AgentRole.AGENT)),
                Arguments.of("a list with both and others", List.of("offline_access", "superviseur", "agent"),
                        EnumSet.of(AgentRole.AGENT, AgentRole.SUPERVISEUR)),
                Arguments.of("a string with spaces", "uma_authorization superviseur", EnumSet.of(AgentRole.SUPERVISEUR)),
                Arguments.of("a string with commas and capitals", "Agent, guichet", EnumSet.of(AgentRole.AGENT)),
                Arguments.of("no role of ours", List.of("admin", "agents"), EnumSet.noneOf(AgentRole.class)),
                Arguments.of("no claim", null, EnumSet.noneOf(AgentRole.class)),
                Arguments.of("a number", 42, EnumSet.noneOf(AgentRole.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void the_roles_are_the_claim_s_values_that_name_ours(String name, Object claim, Set<AgentRole> expected) {
        assertEquals(expected, AgentIdentityClient.roles(claim));
    }
}
