package fr.ameli.compte.web;

import fr.ameli.compte.TestDeployments;
import fr.ameli.compte.web.pages.AccessibilityAudit;
import fr.ameli.compte.web.pages.Browser;
import fr.ameli.compte.web.pages.LoginScreen;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warning before a time limit (RGAA 13.1, WCAG 2.2.1), in Chromium, on a server whose wizard
 * lives 14 seconds and warns 9 seconds before: the dialog appears, takes the focus, passes the
 * axe audit, and « Prolonger » (pressed with the keyboard) keeps the wizard alive past its first
 * limit; on the page of a « Code oublié ? » link (valid 14 seconds, never past 16 after it was
 * sent), « Prolonger » gives only the time the link has left and says it; in Mon espace (a session
 * idle 14 seconds at most), « Prolonger » keeps the person logged in. A class of its own
 * because the rest of the browser tests need the 20-minute default.
 */
@ExtendWith(ArquillianExtension.class)
class TimeLimitBrowserIT {

    private static final Duration LIMIT = Duration.ofSeconds(14);
    private static final int SMTP_PORT = TestDeployments.freePort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployments.war("time-limit", Map.of(
                "ameli.wizard.timeout", "PT14S",
                "ameli.time-limit.warning", "PT9S",
                "ameli.code-reset.validity", "PT14S",
                "ameli.code-reset.longest-life", "PT16S",
                "ameli.space.session-timeout", "PT14S",
                "ameli.mail.mode", "smtp",
                "ameli.smtp.host", "127.0.0.1",
                "ameli.smtp.port", String.valueOf(SMTP_PORT),
                "ameli.code.hash-iterations", "1024"));
    }

    @ArquillianResource
    URL base;

    private static Browser browser;
    private static com.icegreen.greenmail.util.GreenMail smtp;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
        smtp.stop();
    }

    /** The wizard walked by {@code c} with the identity and proof of {@code person} (its fields by id), then the activation link. */
    private static void activeAccount(FormClient c, Mailbox mailbox, Map<String, String> person, String code, String email) throws Exception {
        Map<String, String> identity = new java.util.HashMap<>(person);
        identity.keySet().removeIf(field -> !field.startsWith("identite:"));
        FormClient.Page page = c.submit(c.get("creation/identite.xhtml"), "identite", "identite:continuer", identity);
        page = c.submit(page, "verification", "verification:valider",
                Map.of("verification:iban", person.get("verification:iban"), "verification:vitale", person.get("verification:vitale")));
        page = c.submit(page, "conditions", "conditions:continuer", Map.of("conditions:choix", "oui"));
        page = c.submit(page, "codePersonnel", "codePersonnel:continuer", Map.of("codePersonnel:code", code, "codePersonnel:confirmation", code));
        c.submit(page, "coordonnees", "coordonnees:continuer", Map.of("coordonnees:email", email,
                "coordonnees:emailConfirmation", email, "coordonnees:promotions", "non"));
        MailLinks.activate(c, mailbox.firstTo(email, "Activez votre compte ameli"));
    }

    private WebElement awaitDialog() {
        WebElement dialog = browser.find("delai");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> dialog.getAttribute("open") != null);
        return dialog;
    }

    @Test
    void the_wizard_warns_before_its_time_runs_out_and_prolonger_keeps_it_alive() {
        long start = System.nanoTime();
        browser.open(base.toString().replaceAll("/$", "") + "/creation/identite.xhtml");
        browser.type("identite:nom", "TOTO");
        browser.type("identite:nir", "2 28 12 31 815 001");
        browser.type("identite:naissance", "03/12/1928");
        browser.type("identite:codePostal", "31470");
        WebElement dialog = browser.find("delai");
        assertTrue(dialog.getAttribute("open") == null, "no dialog while there is time");

        awaitDialog();
        assertEquals("alertdialog", dialog.getAttribute("role"));
        assertEquals("delai-prolonger", browser.focusedId(), "the focus moves into the dialog, on « Prolonger »");
        assertTrue(browser.find("delai-texte").getText().startsWith("Sans action de votre part, ce que vous avez saisi sera effacé dans"),
                browser.find("delai-texte").getText());
        new AccessibilityAudit(browser).check("50-delai-avertissement");
        assertTrue(dialog.getAttribute("open") != null, "still open after the audit");

        // Prolonger with the keyboard, as many times as it takes to go past the first limit.
        while (true) {
            browser.press(Keys.ENTER);
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> dialog.getAttribute("open") == null);
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(LIMIT.plusSeconds(3)) >= 0) {
                break;
            }
            awaitDialog();
            assertEquals("delai-prolonger", browser.focusedId(), "the focus moves into the dialog again");
        }
        assertFalse(dialog.getAttribute("open") != null, "the dialog is closed");
        browser.submit("identite:continuer");
        assertEquals("Accédez immédiatement à votre compte", browser.driver.findElement(By.tagName("h1")).getText(),
                "past the first limit, the wizard still holds what was typed and goes on");
    }

    @Test
    void annuler_closes_the_dialog_and_the_limit_then_comes_as_the_expired_page_says() throws InterruptedException {
        long start = System.nanoTime();
        browser.open(base.toString().replaceAll("/$", "") + "/creation/identite.xhtml");
        WebElement dialog = awaitDialog();
        browser.find("delai-annuler").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> dialog.getAttribute("open") == null);
        Thread.sleep(Math.max(0, LIMIT.plusSeconds(2).minusNanos(System.nanoTime() - start).toMillis()));
        browser.type("identite:nom", "TOTO");
        browser.submit("identite:continuer");
        assertEquals("Votre session a expiré", browser.driver.findElement(By.tagName("h1")).getText());
    }

    /**
     * « Prolonger » on the page of a « Code oublié ? » link gives it the link's validity again, but
     * never past its longest life (PRODUCT §2.8): the page then counts down the time really left
     * and says the link cannot be prolonged further.
     */
    @Test
    void prolonger_on_a_code_oublie_link_gives_only_the_time_up_to_its_longest_life_and_says_so() throws Exception {
        FormClient c = new FormClient(java.net.URI.create(base.toString()));
        Mailbox mailbox = new Mailbox(smtp);
        activeAccount(c, mailbox, Map.of("identite:nom", "Lambert", "identite:nir", "1 31 03 21 231 594", "identite:naissance", "27/03/1931",
                "identite:codePostal", "21000", "verification:iban", "2091421", "verification:vitale", "59923680877"),
                "Dijon*Bourgogne_21", "robert@example.fr");
        c.submit(c.get("code-oublie.xhtml"), "oubli", "oubli:envoyer", Map.of("oubli:nir", "1 31 03 21 231 594", "oubli:naissance", "27/03/1931"));
        String link = MailLinks.newCodePath(mailbox.firstTo("robert@example.fr", "Choisissez un nouveau code personnel ameli"));

        browser.open(base.toString().replaceAll("/$", "") + "/" + link);
        WebElement dialog = awaitDialog();
        assertEquals("delai-prolonger", browser.focusedId());
        browser.press(Keys.ENTER);
        WebElement status = browser.driver.findElement(By.id("delai-statut"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !status.getAttribute("textContent").isEmpty());
        assertTrue(status.getAttribute("textContent").startsWith("Ce lien ne peut plus être prolongé"), status.getAttribute("textContent"));
        int left = Integer.parseInt(browser.find("codePersonnel:restant").getAttribute("textContent").strip());
        assertTrue(left > 0 && left < 14, "the link has less than its validity left: " + left + " s");
        // The countdown follows the link's real end: the dialog comes back at once and says when it has expired.
        awaitDialog();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
                browser.find("delai-titre").getText().equals("Votre session a expiré"));
        assertTrue(dialog.getAttribute("open") != null);
    }

    /**
     * Mon espace logs out after {@code ameli.space.session-timeout} without a request: the dialog says
     * so before, and « Prolonger » keeps the person logged in past that first limit.
     */
    @Test
    void mon_espace_warns_before_the_logout_and_prolonger_keeps_the_person_logged_in() throws Exception {
        FormClient c = new FormClient(java.net.URI.create(base.toString()));
        activeAccount(c, new Mailbox(smtp), Map.of("identite:nom", "Le Goff", "identite:nir", "1 62 11 29 019 150", "identite:naissance", "30/11/1962",
                "identite:codePostal", "29200", "verification:iban", "0558774", "verification:vitale", "61722217863"),
                "Brest*Iroise_29", "yann@example.fr");

        browser.open(base.toString().replaceAll("/$", "") + "/index.xhtml");
        java.util.Set<String> before = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
        new LoginScreen(browser).logIn("1 62 11 29 019 150", "Brest*Iroise_29");
        browser.type("codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, before));
        browser.submit("codeSecurite:valider");
        long start = System.nanoTime();
        assertEquals("Mon espace", browser.h1());
        WebElement dialog = browser.find("delai");
        assertEquals("14", dialog.getAttribute("data-secondes"), "the session's idle limit");

        awaitDialog();
        assertEquals("delai-prolonger", browser.focusedId());
        assertTrue(browser.find("delai-texte").getText().startsWith("Sans action de votre part, vous serez déconnecté dans"),
                browser.find("delai-texte").getText());
        while (true) {
            browser.press(Keys.ENTER);
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> dialog.getAttribute("open") == null);
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(LIMIT.plusSeconds(3)) >= 0) {
                break;
            }
            awaitDialog();
        }
        assertEquals("Le délai a été prolongé.", browser.find("delai-statut").getAttribute("textContent"), "said to screen readers");
        browser.clickLink("Télécharger mes données");
        assertEquals("Télécharger mes données", browser.h1(), "past the first limit, still logged in");
    }
}
