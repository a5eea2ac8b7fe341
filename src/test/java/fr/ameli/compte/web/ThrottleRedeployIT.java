package fr.ameli.compte.web;

import fr.ameli.compte.TestDeployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throttling lives in the database: a login lock set before a redeploy still holds after it. Each
 * test runs on its own deployment of the WAR (a new Payara Micro process here, deployed before it
 * and undeployed after it), all of them on one database: the lock is set in the first, and the
 * second, a new process that never saw the failures, must still refuse the NIR.
 *
 * <p>The server is started without the pre-boot commands (container
 * {@code payara-micro-without-pre-boot} of arquillian.xml), as an operator may start it: the
 * cookies are still HttpOnly and SameSite, each attribute once (docs/SECURITY.md).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottleRedeployIT {

    private static final String APP = "redeploy";
    private static final String NIR = "2 28 12 31 815 001";
    private static final String LOCKED = "Par sécurité, après plusieurs codes erronés, la connexion à ce compte depuis cet appareil est bloquée.";

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer("payara-micro-without-pre-boot")
    static WebArchive deployment() {
        // The lock does not depend on the cost of the hash: a cheap one keeps the test quick.
        // Passkeys off here: the login page says nothing of them, and their door answers 404.
        return TestDeployments.war(APP, Map.of("ameli.code.hash-iterations", "1024", "ameli.passkeys.enabled", "false"));
    }

    @ArquillianResource
    Deployer deployer;

    /** Before the test's URL is looked up (Arquillian resolves test parameters after the @BeforeEach methods). */
    @BeforeEach
    void deploy() {
        deployer.deploy(APP);
    }

    @AfterEach
    void undeploy() {
        deployer.undeploy(APP);
    }

    private static FormClient.Page login(URL base, String code) {
        FormClient c = new FormClient(URI.create(base.toString()));
        FormClient.Page page = c.get("");
        return c.submit(page, "connexion", "connexion:connecter", Map.of("connexion:nir", NIR, "connexion:code", code));
    }

    @Test
    @Order(1)
    void five_failed_logins_lock_the_nir(@ArquillianResource @OperateOnDeployment(APP) URL base) {
        cookies_are_safe_without_the_pre_boot_file(base);
        for (int i = 1; i <= 4; i++) {
            assertEquals("Numéro de sécurité sociale ou code personnel incorrect.",
                    login(base, "Mauvais*code_" + i).globalErrors("connexion"), "failure " + i);
        }
        String fifth = login(base, "Mauvais*code_5").globalErrors("connexion");
        assertAll(fifth,
                () -> assertTrue(fifth.startsWith(LOCKED), "the fifth failure locks"),
                () -> assertTrue(fifth.contains("Vous pourrez réessayer à partir du"), "and says until when"));
    }

    @Test
    @Order(2)
    void the_lock_still_holds_after_a_redeploy(@ArquillianResource @OperateOnDeployment(APP) URL base) {
        String answer = login(base, "Autre*code_6").globalErrors("connexion");
        assertTrue(answer.startsWith(LOCKED), answer);
    }

    /** Part of the first test, which has this launch of the server to itself. */
    private static void cookies_are_safe_without_the_pre_boot_file(URL base) {
        FormClient c = new FormClient(URI.create(base.toString()));
        HttpResponse<String> css = c.send(HttpRequest.newBuilder(URI.create(base + "jakarta.faces.resource/css/ameli.css.xhtml"))
                .header("Accept-Encoding", "gzip").GET().build());
        assertTrue(css.headers().firstValue("Content-Encoding").isEmpty(),
                "a server without the pre-boot file (which compresses the style sheet): " + css.headers());
        HttpResponse<String> login = c.send(HttpRequest.newBuilder(URI.create(base.toString())).GET().build());
        HttpResponse<String> wizard = c.send(HttpRequest.newBuilder(URI.create(base + "creation/identite.xhtml")).GET().build());
        HardeningIT.assertCookie(cookie(login, "ameli-connexion="), "SameSite=Lax");
        assertTrue(!login.body().contains("cle-acces") && login.body().contains("autocomplete=\"username\""),
                "without passkeys, no button and no suggestion of them");
        assertEquals(404, c.send(HttpRequest.newBuilder(URI.create(base + "connexion/cle-acces"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("etape=options")).build()).statusCode());
        HardeningIT.assertCookie(cookie(wizard, "JSESSIONID="), "SameSite=Lax");
    }

    private static String cookie(HttpResponse<String> response, String start) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(start + " in " + response.headers().allValues("Set-Cookie")));
    }
}
