package fr.ameli.compte.application.security;

import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.code.CommonCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The code policy (PRODUCT §2.5), in one place for the pages and the services, with the list of
 * common codes the infrastructure loaded at start-up. The policy holds the container's reference
 * to that one list, so that a page may keep it in the session.
 */
@ApplicationScoped
public class CodePolicies {

    @Inject
    CommonCodes commonCodes;

    @Produces
    CodePolicy codePolicy() {
        return new CodePolicy(commonCodes);
    }
}
