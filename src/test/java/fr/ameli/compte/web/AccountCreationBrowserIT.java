package fr.ameli.compte.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ameli.compte.DeploymentUrls;
import fr.ameli.compte.TestDeployments;
import fr.ameli.compte.web.pages.AccessibilityAudit;
import fr.ameli.compte.web.pages.Browser;
import fr.ameli.compte.web.pages.CodeScreen;
import fr.ameli.compte.web.pages.ContactScreen;
import fr.ameli.compte.web.pages.EmailChangeScreen;
import fr.ameli.compte.web.pages.ForgottenCodeScreen;
import fr.ameli.compte.web.pages.IdentityScreen;
import fr.ameli.compte.web.pages.Keyboard;
import fr.ameli.compte.web.pages.LoginScreen;
import fr.ameli.compte.web.pages.ProofScreen;
import fr.ameli.compte.web.pages.TermsScreen;
import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person does, in Chromium, against the real WAR in Payara Micro: TOTO of the town-hall
 * guide from the login page through the six steps, the activation mail (caught by a real SMTP
 * server, GreenMail, in smtp mode), the link, the login and « Mon espace »; and the refusals a
 * person meets on the way, grouped by page or journey in the nested classes. Each page and each
 * error state is audited where the person meets it ({@link AccessibilityAudit}): axe-core,
 * structure, no horizontal scrolling at 320 px and 200 % zoom, screenshots at 320 px and 1280 px in
 * target/screenshots; one journey is made with the keyboard only. The pages are driven through
 * the screens of {@code fr.ameli.compte.web.pages}. One deployment (one server) and one Chromium
 * serve every nested class — the whole browser suite, one nested class per journey or page:
 * {@code WholeJourneys} (PRODUCT §2.1–§2.9), {@code IdentityStep}, {@code ProofStep}, {@code TermsStep},
 * {@code CodeStep}, {@code WizardNavigation} (§2.2–§2.6), {@code FranceConnect} (§2.1), {@code ForgottenCode}
 * (README « Code oublié ? »), {@code MySpace} and {@code MySpaceContact} (§2.11), {@code EspaceAgent}
 * (§2.12), {@code OtherPages}.
 */
@ExtendWith(ArquillianExtension.class)
class AccountCreationBrowserIT {

    /** Links in mails start with this (ameli.base-url); the test follows them on the test server. */
    private static final String BASE_URL = "http://localhost:8080/";
    private static final int SMTP_PORT = TestDeployments.freePort();
    private static GreenMail smtp;
    private static Mailbox mailbox;
    /** A real OpenID Connect provider standing for FranceConnect. */
    private static final MockOAuth2Server FRANCECONNECT = startFranceConnect();

    private static MockOAuth2Server startFranceConnect() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployments.war("browser", Map.ofEntries(
                Map.entry("ameli.base-url", BASE_URL),
                Map.entry("ameli.mail.mode", "smtp"),
                Map.entry("ameli.smtp.host", "127.0.0.1"),
                Map.entry("ameli.smtp.port", String.valueOf(SMTP_PORT)),
                Map.entry("ameli.mail.from", "ne-pas-repondre@ameli.test"),
                // Faster hashing for the many accounts here; HardeningIT runs the real 600,000 iterations.
                Map.entry("ameli.code.hash-iterations", "1024"),
                Map.entry("ameli.franceconnect.issuer", FRANCECONNECT.issuerUrl("fc").toString()),
                Map.entry("ameli.franceconnect.client-id", "ameli-recette"),
                Map.entry("ameli.franceconnect.client-secret", "secret-de-recette"),
                // The same mock provider, under another issuer, stands for the caisse's provider of the espace agent.
                Map.entry("ameli.agent.oidc.issuer", FRANCECONNECT.issuerUrl("agents").toString()),
                Map.entry("ameli.agent.oidc.client-id", "compte-ameli-agents"),
                Map.entry("ameli.agent.oidc.client-secret", "secret-des-agents"),
                // « Mon espace » asks for the code personnel again after 10 minutes in production; here after a few
                // seconds, so that a test meets both states without waiting ten minutes.
                Map.entry("ameli.space.reauthentication-after", "PT8S")));
    }

    @BeforeAll
    static void startSmtpServer() throws IOException {
        AccessibilityAudit.clearReport();
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mailbox = new Mailbox(smtp);
    }

    @AfterAll
    static void stopSmtpServer() {
        smtp.stop();
        FRANCECONNECT.shutdown();
    }

    /** One Chromium for the class (a start costs seconds); each test gets it without cookies or extra tabs. */
    private static Browser shared;

    private Browser browser;
    private LoginScreen login;
    private IdentityScreen identity;
    private ProofScreen proof;
    private TermsScreen terms;
    private CodeScreen newCode;
    private ContactScreen contact;
    private ForgottenCodeScreen forgottenCode;
    private EmailChangeScreen emailChange;
    private Keyboard keyboard;
    private AccessibilityAudit accessibility;

    @BeforeEach
    void openBrowser() {
        if (shared == null) {
            shared = new Browser();
        }
        browser = shared;
        List<String> tabs = new ArrayList<>(browser.driver.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) {
            browser.driver.switchTo().window(tab).close();
        }
        browser.driver.switchTo().window(tabs.get(0));
        browser.open(url("/"));
        browser.driver.manage().deleteAllCookies();
        login = new LoginScreen(browser);
        identity = new IdentityScreen(browser);
        proof = new ProofScreen(browser);
        terms = new TermsScreen(browser);
        newCode = new CodeScreen(browser);
        contact = new ContactScreen(browser);
        forgottenCode = new ForgottenCodeScreen(browser);
        emailChange = new EmailChangeScreen(browser);
        keyboard = new Keyboard(browser);
        accessibility = new AccessibilityAudit(browser);
    }

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
        }
    }

    /** An address on the test server (the nested classes get no @ArquillianResource: see {@link DeploymentUrls}). */
    private static String url(String path) {
        return DeploymentUrls.of(AccountCreationBrowserIT.class).toString().replaceAll("/$", "") + path;
    }

    private void audit(String name) {
        accessibility.check(name);
    }

    // ---- Steps, as a person does them

    private void startWizard() {
        browser.open(url("/"));
        browser.clickLink("Créer un compte");
        assertEquals("Je crée mon compte en remplissant les éléments demandés", browser.h1());
    }

    private void reachCodeStep(String name, String nir, String birthDate, String postalCode, String iban, String vitale) {
        startWizard();
        identity.identify(name, nir, birthDate, postalCode);
        proof.prove(iban, vitale);
        terms.accept();
        assertEquals("Je choisis un code personnel", browser.h1());
    }

    /** The whole creation and activation, for tests that need an active account. */
    private void createAndActivate(String name, String nir, String birthDate, String postalCode, String iban, String vitale,
                                   String email, String code) throws Exception {
        reachCodeStep(name, nir, birthDate, postalCode, iban, vitale);
        newCode.type(code);
        newCode.confirm(code);
        newCode.submit();
        contact.email(email);
        contact.promotions(false);
        contact.submit();
        assertEquals("Un courriel vous a été envoyé", browser.h1());
        String link = activationLinkSentTo(email);
        followMailLink(link);
        browser.submit("activation:activer");
        assertEquals("Votre compte ameli est activé.", browser.find("active").getText());
    }

    /** Logs in with a code that must no longer open the account, then with the one that replaced it. */
    private void onlyTheNewCodeLogsIn(String nir, String oldCode, String newCode, String why) throws Exception {
        browser.open(url("/"));
        login.logIn(nir, oldCode);
        assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", login.error(), why);
        logInWithTheSecurityCode(nir, newCode);
        assertEquals("Mon espace", browser.h1());
    }

    /** The whole login: NIR and code personnel, then the security code read from its mail. */
    private void logInWithTheSecurityCode(String nir, String code) throws Exception {
        java.util.Set<String> before = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
        login.logIn(nir, code);
        assertEquals("Saisissez le code de sécurité reçu par email", browser.h1(), "the second step");
        browser.type("codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, before));
        browser.submit("codeSecurite:valider");
    }

    // ---- Mails

    private String activationLinkSentTo(String recipient) throws Exception {
        MimeMessage message = mailbox.firstTo(recipient);
        assertEquals("Activez votre compte ameli", message.getSubject());
        String text = Mailbox.text(message);
        String link = Mailbox.linkOnItsOwnLine(text);
        assertTrue(text.contains("valable 48 heures"), text);
        return link;
    }

    private String linkSentTo(String recipient, String subject) throws Exception {
        return Mailbox.linkOnItsOwnLine(Mailbox.text(mailbox.firstTo(recipient, subject)));
    }

    /** Opens a mail's link (made for ameli.base-url) on the test server, as from the mail program. */
    private void followMailLink(String link) {
        browser.open(url("/" + link.substring(BASE_URL.length())));
    }

    /**
     * The next FranceConnect login is this « identité pivot » (born in France, in the commune of INSEE code
     * {@code birthplace}), made at level {@code acr} (eidas1: FranceConnect; eidas2: FranceConnect+).
     */
    private void franceConnectWillSay(String givenName, String familyName, String birthdate, String gender, String birthplace, String acr) {
        FRANCECONNECT.enqueueCallback(new DefaultOAuth2TokenCallback("fc", "sub-" + familyName, "JWT", null,
                Map.of("given_name", givenName, "family_name", familyName, "birthdate", birthdate, "gender", gender,
                        "birthplace", birthplace, "birthcountry", "99100", "acr", acr), 3600));
    }

    /** The next login at the agents' provider is this member of staff, with these roles in the claim « roles ». */
    private void agentProviderWillSay(String subject, String name, List<String> roles) {
        FRANCECONNECT.enqueueCallback(new DefaultOAuth2TokenCallback("agents", subject, "JWT", null,
                Map.of("name", name, "roles", roles), 3600));
    }

    /** Whether a request whose path and query start so reached the mock provider (the requests it kept are read and dropped). */
    private static boolean providerWasAsked(String pathAndQuery) {
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request;
            try {
                request = FRANCECONNECT.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (RuntimeException none) {
                return false;
            }
            if (request == null) {
                return false;
            }
            if (request.getPath() != null && request.getPath().startsWith(pathAndQuery)) {
                return true;
            }
        }
    }

    private void agentLogsIn(String subject, String name, List<String> roles) {
        agentProviderWillSay(subject, name, roles);
        browser.open(url("/agent/"));
        assertEquals("Espace agent – connexion", browser.h1(), "a page of /agent/ without login leads to the agents' login");
        browser.clickLink("Me connecter avec le compte de la caisse");
        assertEquals("Rechercher une personne", browser.h1());
        assertTrue(browser.text().contains("Connecté : " + name), browser.text());
    }

    private String cid() {
        Matcher m = Pattern.compile("cid=(\\d+)").matcher(browser.driver.getCurrentUrl()
                + browser.driver.findElement(By.tagName("form")).getAttribute("action"));
        assertTrue(m.find(), "a conversation id in the page");
        return m.group(1);
    }

    /** Whole journeys: the seed's, one with the keyboard only, one with a provisional code sent by post. */
    @Nested
    class WholeJourneys {

        @Test
        void toto_creates_his_account_activates_it_from_the_mail_and_logs_in() throws Exception {
            browser.open(url("/"));
            assertEquals("J'accède à mon compte ameli", browser.h1());
            assertTrue(browser.text().contains("Tous les champs sont obligatoires."));
            assertEquals("Mon numéro de sécurité sociale", browser.label("connexion:nir"));
            assertEquals("Mon code personnel (ou provisoire à 4 chiffres)", browser.label("connexion:code"));
            audit("01-connexion");
            browser.clickLink("Créer un compte");

            assertEquals("Mon nom *", browser.label("identite:nom"));
            assertEquals("Mon numéro de sécurité sociale *", browser.label("identite:nir"));
            assertEquals("Ma date de naissance *", browser.label("identite:naissance"));
            assertEquals("Mon code postal *", browser.label("identite:codePostal"));
            identity.fill("TOTO", "2 28 12 31 815 001", "03/12/1928", "31470");
            audit("02-identite");
            identity.submit();

            assertEquals("Accédez immédiatement à votre compte", browser.h1());
            assertTrue(browser.text().contains("2 28 12 31 815 001"), "the identity shown above the verification step");
            assertEquals("Saisissez les 7 derniers chiffres de votre IBAN *", browser.label("verification:iban"));
            assertEquals("Saisissez les 11 derniers chiffres du numéro de série de votre carte Vitale avec photo *", browser.label("verification:vitale"));
            proof.fill("3910 173", "01647314244");
            audit("03-verification");
            proof.submit();

            assertEquals("J'accepte les conditions d'utilisation", browser.h1());
            assertEquals("step", browser.driver.findElement(By.cssSelector("ol.etapes li.courante")).getAttribute("aria-current"));
            assertEquals("Étape 1", browser.driver.findElement(By.cssSelector("ol.etapes li.courante")).getText());
            terms.choose(true);
            audit("04-conditions");
            terms.submit();

            assertEquals("Je choisis un code personnel", browser.h1());
            assertTrue(browser.driver.getTitle().startsWith("Étape 2 sur 3 – Je choisis un code personnel"), browser.driver.getTitle());
            newCode.type("Robert*123_A");
            browser.waitUntil(d -> "élevé".equals(browser.find("niveau").getText()));
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ok")));
            newCode.confirm("Robert*123_A");
            audit("05-code-personnel");
            newCode.submit();

            assertEquals("Informations personnelles", browser.h1());
            contact.email("toto@example.fr");
            contact.promotions(false);
            browser.type("coordonnees:mobile", "06 12 34 56 78");
            browser.find("coordonnees:mobileAppels:1").click();
            browser.find("coordonnees:mobileSms:0").click();
            audit("06-coordonnees");
            // RGAA 11.7: each phone's questions are grouped under the consent sentence; 5.3: no layout table.
            WebElement calls = browser.find("coordonnees:mobileAppels:1");
            assertEquals("J'autorise l'Assurance Maladie à me communiquer des informations promotionnelles sur ses services : (Téléphone portable)",
                    calls.findElement(By.xpath("ancestor::fieldset[@class='groupe']/legend")).getAttribute("textContent").strip().replaceAll("\\s+", " "));
            assertTrue(browser.driver.findElements(By.cssSelector("main table")).isEmpty(), "the oui/non answers are a list, not a layout table");
            WebElement group = calls.findElement(By.xpath("ancestor::fieldset[@class='groupe']"));
            assertEquals("group", group.getAriaRole(), "Chromium's accessibility tree");
            assertTrue(group.getAccessibleName().startsWith("J'autorise l'Assurance Maladie"), group.getAccessibleName());
            contact.submit();

            assertEquals("Un courriel vous a été envoyé", browser.h1());
            assertEquals("toto@example.fr", browser.find("adresse").getText());
            assertEquals("48 heures", browser.find("validite").getText());
            audit("07-courriel-envoye");
            browser.media("print");
            browser.screenshot("07-courriel-envoye-impression");
            assertFalse(browser.driver.findElement(By.tagName("footer")).isDisplayed(), "on paper: no footer");
            assertFalse(browser.driver.findElement(By.xpath("//a[normalize-space(.)=\"Retour à l'accueil\"]")).isDisplayed(), "on paper: no buttons");
            assertTrue(browser.find("adresse").isDisplayed(), "on paper: the address the mail went to");
            browser.media("screen");

            String link = activationLinkSentTo("toto@example.fr");
            assertTrue(link.startsWith(BASE_URL + "activation.xhtml?jeton="), link);
            followMailLink(link);
            assertEquals("Activez votre compte ameli", browser.find("a-activer").getText(), "opening the link changes nothing");
            audit("08-activation-a-confirmer");
            browser.submit("activation:activer");
            assertEquals("Votre compte ameli est activé.", browser.find("active").getText());
            audit("08-activation");
            followMailLink(link);
            assertEquals("Ce lien d'activation a déjà été utilisé.", browser.find("deja-utilise").getText());
            audit("08b-activation-deja-utilisee");
            browser.clickLink("Me connecter");

            java.util.Set<String> codesBefore = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
            login.logIn("2 28 12 31 815 001", "Robert*123_A");
            assertEquals("Saisissez le code de sécurité reçu par email", browser.h1(), "a right code personnel alone opens nothing: " + browser.text());
            assertTrue(browser.find("envoi").getText().contains("t•••@example.fr"), browser.find("envoi").getText());
            assertEquals("one-time-code", browser.find("codeSecurite:code").getAttribute("autocomplete"));
            assertEquals("numeric", browser.find("codeSecurite:code").getAttribute("inputmode"));
            audit("09a-code-securite");
            String securityCode = MailLinks.awaitSecurityCode(smtp::getReceivedMessages, codesBefore);
            browser.type("codeSecurite:code", securityCode.equals("000000") ? "111111" : "000000");
            browser.submit("codeSecurite:valider");
            assertEquals("Code de sécurité incorrect. Il vous reste 2 essai(s).", browser.fieldError("codeSecurite:code"));
            audit("09b-code-securite-incorrect");
            browser.type("codeSecurite:code", securityCode);
            browser.submit("codeSecurite:valider");
            assertEquals("Mon espace", browser.h1());
            assertEquals("Bonjour Marie TOTO", browser.find("bonjour").getText());
            assertEquals("toto@example.fr", browser.find("email").getText());
            String preferences = browser.find("preferences").getText();
            assertTrue(preferences.contains("06 12 34 56 78"), preferences);
            assertTrue(preferences.contains("Par Téléphone : Non"), preferences);
            assertTrue(preferences.contains("Par SMS : Oui"), preferences);
            audit("09-mon-espace");

            browser.submit("espace:deconnecter");
            assertEquals("J'accède à mon compte ameli", browser.h1());
            browser.open(url("/espace/index.xhtml"));
            assertEquals("J'accède à mon compte ameli", browser.h1(), "« Mon espace » needs a login again");

            startWizard();
            identity.identify("Toto", "2281231815001", "03/12/1928", "31470");
            assertTrue(identity.error().startsWith("Vous avez déjà un compte ameli."), identity.error());
            audit("16-compte-deja-actif");
        }

        @Test
        void a_person_creates_activates_and_logs_in_with_the_keyboard_only() throws Exception {
            browser.open(url("/"));
            browser.press(Keys.TAB);
            assertEquals("Aller au contenu", browser.focused().getText(), "the skip link comes first");
            assertTrue(browser.focusIndicator() != null, "the skip link shows its focus");
            browser.press(Keys.ENTER);
            assertEquals("contenu", browser.focusedId(), "the skip link leads to the main content");
            keyboard.tabTo("creer");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Je crée mon compte en remplissant les éléments demandés", browser.h1());

            // A refused submit: the focus goes to the error summary, whose links lead to the fields.
            keyboard.tabTo("identite:continuer");
            browser.pressAndWait(Keys.ENTER);
            assertTrue(browser.focused().getAttribute("class").contains("resume-erreurs"), "the error summary has the focus");
            assertEquals("Votre saisie contient des erreurs :", browser.find("resume-erreurs-titre").getText());
            List<WebElement> links = browser.driver.findElements(By.cssSelector(".resume-erreurs a"));
            assertEquals(List.of("Mon nom : Ce champ est obligatoire.",
                    "Mon numéro de sécurité sociale : Ce champ est obligatoire.",
                    "Ma date de naissance : Ce champ est obligatoire.",
                    "Mon code postal : Ce champ est obligatoire."), links.stream().map(WebElement::getText).toList());
            assertEquals("true", browser.find("identite:nom").getAttribute("aria-invalid"));
            assertTrue(browser.find("identite:nom").getAttribute("aria-describedby").contains("identite:nom-erreur"));
            browser.press(Keys.TAB);
            browser.press(Keys.TAB);
            assertEquals("Mon numéro de sécurité sociale : Ce champ est obligatoire.", browser.focused().getText());
            browser.press(Keys.ENTER);
            assertEquals("identite:nir", browser.focusedId(), "the summary's link puts the focus in its field");
            keyboard.type("2 78 08 44 109 261");
            keyboard.tabBackTo("identite:nom");
            keyboard.type("Rousseau");
            keyboard.fill("identite:naissance", "08/08/1978");
            keyboard.fill("identite:codePostal", "44000");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Accédez immédiatement à votre compte", browser.h1());

            keyboard.fill("verification:iban", "2739226");
            keyboard.fill("verification:vitale", "68906152120");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("J'accepte les conditions d'utilisation", browser.h1(), "Enter in a field validates, it does not ask for a letter");

            keyboard.tabTo("conditions:choix:0");
            browser.press(" ");
            assertTrue(browser.find("conditions:choix:0").isSelected());
            keyboard.tabTo("conditions:continuer");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Étape 2 sur 3 – Je choisis un code personnel – Compte ameli", browser.driver.getTitle());
            assertEquals("step", browser.driver.findElement(By.cssSelector("ol.etapes li.courante")).getAttribute("aria-current"));

            // The live rules: told politely once the typing pauses, not on every keystroke.
            WebElement announcement = browser.find("regles-annonce");
            assertEquals("polite", announcement.getAttribute("aria-live"));
            browser.driver.executeScript("""
                    window.annonces = [];
                    new MutationObserver(function () { window.annonces.push(arguments[0].length); })
                        .observe(document.getElementById('regles-annonce'), { childList: true, characterData: true, subtree: true });
                    """);
            keyboard.fill("codePersonnel:code", "Nantes*Loire_44");
            browser.waitUntil(d -> "6 règles sur 6 respectées. Niveau indicatif de sécurité : élevé.".equals(announcement.getText()));
            long changes = (Long) browser.driver.executeScript("return window.annonces.length;");
            assertTrue(changes <= 2, changes + " announcements for 15 keystrokes");
            keyboard.tabTo("codePersonnel:code-afficher");
            assertEquals("Afficher : Mon nouveau code", browser.focused().getAttribute("textContent").trim().replaceAll("\\s+", " "));
            browser.press(" ");
            assertEquals("text", browser.find("codePersonnel:code").getAttribute("type"), "Space shows the code");
            assertTrue(browser.focused().getText().startsWith("Masquer"));
            browser.press(Keys.ENTER);
            assertEquals("password", browser.find("codePersonnel:code").getAttribute("type"), "Enter hides it again");
            keyboard.fill("codePersonnel:confirmation", "Nantes*Loire_44");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Informations personnelles", browser.h1(), "Enter in a field continues, it does not go back");

            keyboard.fill("coordonnees:email", "elodie@example.fr");
            keyboard.fill("coordonnees:emailConfirmation", "elodie@example.fr");
            // A radio group is one stop of the Tab key (its other buttons are reached with the arrows).
            keyboard.tabTo("coordonnees:promotions:0");
            browser.press(" ");
            assertTrue(browser.find("coordonnees:promotions:0").isSelected(), "Space chooses « Oui »");
            keyboard.tabTo("coordonnees:mobile");
            keyboard.tabBackTo("coordonnees:promotions:0");
            keyboard.tabTo("coordonnees:continuer");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Un courriel vous a été envoyé", browser.h1());

            // The link of the mail, opened from the mail program.
            String link = activationLinkSentTo("elodie@example.fr");
            followMailLink(link);
            assertEquals("Activez votre compte ameli", browser.find("a-activer").getText(), "opening the link changes nothing");
            keyboard.tabTo("activation:activer");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Votre compte ameli est activé.", browser.find("active").getText());
            keyboard.tabTo("connexion");
            browser.pressAndWait(Keys.ENTER);

            java.util.Set<String> codesBefore = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
            keyboard.fill("connexion:nir", "2 78 08 44 109 261");
            keyboard.fill("connexion:code", "Nantes*Loire_44");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Saisissez le code de sécurité reçu par email", browser.h1());
            keyboard.fill("codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, codesBefore));
            keyboard.tabTo("codeSecurite:memoriser");
            assertFalse(browser.find("codeSecurite:memoriser").isSelected(), "unchecked unless the person checks it: town-hall computers are shared");
            browser.press(Keys.SPACE);
            assertTrue(browser.find("codeSecurite:memoriser").isSelected(), "« Cet appareil m'appartient » checked with the space bar");
            keyboard.tabTo("codeSecurite:valider");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Mon espace", browser.h1());
            assertEquals("Bonjour Élodie ROUSSEAU", browser.find("bonjour").getText());
            MimeMessage remembered = mailbox.firstTo("elodie@example.fr", "Un appareil a été mémorisé pour votre compte ameli");
            assertTrue(Mailbox.text(remembered).contains("Chrome"), Mailbox.text(remembered));

            // The same browser, another day: the code personnel is enough.
            keyboard.tabTo("espace:deconnecter");
            browser.pressAndWait(Keys.ENTER);
            long codesNow = MailLinks.securityCodeMails(smtp.getReceivedMessages());
            keyboard.fill("connexion:nir", "2 78 08 44 109 261");
            keyboard.fill("connexion:code", "Nantes*Loire_44");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Mon espace", browser.h1(), "a remembered browser skips the security code");
            assertEquals(codesNow, MailLinks.securityCodeMails(smtp.getReceivedMessages()), "and no code was mailed");
        }

        @Test
        void without_the_vitale_serial_a_letter_brings_a_provisional_code_that_continues_the_creation() throws Exception {
            startWizard();
            identity.identify("Çelik", "2 90 03 67 482 187", "11/03/1990", "67000");
            assertEquals("Je ne dispose pas du numéro de série de ma carte Vitale", browser.find("verification:sansNumeroSerie").getAttribute("value"));
            browser.submit("verification:sansNumeroSerie");
            assertEquals("Un code provisoire vous est envoyé par courrier", browser.h1());
            assertTrue(browser.find("courrier").getText().contains("67000 Strasbourg"), browser.find("courrier").getText());
            assertFalse(browser.text().contains("rue des Juifs"), "the street stays out of the page");
            audit("19-courrier-envoye");

            java.nio.file.Path folder = TestDeployments.dataDir("browser").resolve("courriers").resolve("a-imprimer");
            String code = null;
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path pdf : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                        Matcher m = Pattern.compile("Votre code provisoire : (\\d{4})").matcher(text);
                        if (text.contains("67000 STRASBOURG") && m.find()) {
                            code = m.group(1);
                        }
                    }
                }
            }
            assertTrue(code != null, "the letter for the print run holds the code");

            browser.open(url("/"));
            login.logIn("2 90 03 67 482 187", code);
            assertEquals("J'accepte les conditions d'utilisation", browser.h1(), "the provisional code continues the wizard");
            terms.accept();
            newCode.type("Alsace*Rhin_67");
            newCode.confirm("Alsace*Rhin_67");
            newCode.submit();
            contact.email("ayse@example.fr");
            contact.promotions(false);
            contact.submit();
            assertEquals("Un courriel vous a été envoyé", browser.h1());
            String link = activationLinkSentTo("ayse@example.fr");
            followMailLink(link);
            browser.submit("activation:activer");
            assertEquals("Votre compte ameli est activé.", browser.find("active").getText());

            onlyTheNewCodeLogsIn("2 90 03 67 482 187", code, "Alsace*Rhin_67", "single use");
        }
    }

    /** The identity step's refusals. */
    @Nested
    class IdentityStep {

        @Test
        void a_wrong_postal_code_gets_the_generic_message_and_bad_formats_get_their_own_at_the_field() {
            startWizard();
            identity.identify("Lefèvre", "2 46 07 75 115 039", "14/07/1946", "75016");
            assertEquals("Les informations saisies ne permettent pas de vous identifier. Vérifiez-les ou contactez votre caisse.",
                    identity.error());
            assertEquals("Lefèvre", browser.find("identite:nom").getAttribute("value"), "what was typed stays");
            audit("10-identite-non-reconnue");

            identity.identify(" ", "2 46 07 75 115", "31/02/1946", "75O15");
            assertEquals("Ce champ est obligatoire.", browser.fieldError("identite:nom"));
            assertEquals("Le numéro de sécurité sociale doit comporter 13 chiffres.", browser.fieldError("identite:nir"));
            assertEquals("La date de naissance n'existe pas.", browser.fieldError("identite:naissance"));
            assertFalse(browser.fieldError("identite:codePostal").isEmpty());
            assertEquals("true", browser.find("identite:naissance").getAttribute("aria-invalid"));
            audit("11-identite-erreurs");
        }
    }

    /** The proof step's refusals. */
    @Nested
    class ProofStep {

        @Test
        void a_wrong_iban_tail_is_refused() {
            startWizard();
            identity.identify("LEFEVRE", "246077511503904", "14/07/1946", "75015");
            proof.prove("1910139", "88916681774");
            assertEquals("Accédez immédiatement à votre compte", browser.h1());
            assertTrue(proof.error().startsWith("Les informations saisies ne correspondent pas"),
                    proof.error());
            audit("12a-verification-non-reconnue");
            proof.prove("191013", "88916681774");
            assertFalse(browser.fieldError("verification:iban").isEmpty());
            audit("12-verification-refusee");
        }
    }

    /** The terms step. */
    @Nested
    class TermsStep {

        @Test
        void refusing_the_terms_says_no_account_can_be_created_and_offers_a_way_back() {
            startWizard();
            identity.identify("N'Diaye", "2 85 09 93 066 113", "21/09/1985", "93200");
            proof.prove("2609603", "76828107546");
            terms.submit();
            assertEquals("Indiquez si vous acceptez les conditions d'utilisation.", browser.fieldError("conditions:choix"));
            audit("14a-conditions-sans-choix");
            terms.choose(false);
            terms.submit();
            assertEquals("Votre compte ne peut pas être créé sans votre accord", browser.find("conditions:refus")
                    .findElement(By.tagName("h2")).getText());
            audit("14-conditions-refusees");
            browser.submit("conditions:revoir");
            assertEquals("J'accepte les conditions d'utilisation", browser.h1());
            browser.open(url("/creation/code-personnel.xhtml?cid=" + cid()));
            assertEquals("J'accepte les conditions d'utilisation", browser.h1(), "no code step before the terms are accepted");
        }
    }

    /** The code step's live rules. */
    @Nested
    class CodeStep {

        @Test
        void each_code_rule_is_shown_live_and_enforced_on_submit() {
            reachCodeStep("Martin-Dubois", "1 51 05 69 123 076", "02/05/1951", "69003", "7358436", "93835586331");
            newCode.type("Ab1*");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ko", "ok", "ok", "ok", "ok", "ok")));
            newCode.type("tulipe*bleue1");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ko", "ok", "ok", "ok", "ok")));
            newCode.type("TulipeBleue");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ko", "ok", "ok", "ok")));
            newCode.type("Tulipé*Bleue1");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ko", "ok", "ok")));
            newCode.type("Password123!");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ko")));
            assertEquals("faible", browser.find("niveau").getText(), "a common code is never élevé");
            newCode.type("Tulipe*1951");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ko", "ok")));
            assertEquals("faible", browser.find("niveau").getText());
            audit("13-code-regle-non-respectee");

            newCode.confirm("Tulipe*1951");
            newCode.submit();
            assertEquals("Je choisis un code personnel", browser.h1());
            assertTrue(browser.fieldError("codePersonnel:code").contains("ne pas contenir votre n° de sécurité sociale"), browser.fieldError("codePersonnel:code"));
            audit("13b-code-refuse");

            // Rule 6 knows the register's given names (Jean-Pierre), which the identity step never asked for.
            newCode.type("Jean.Pierre69");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ko")));
            newCode.confirm("Jean.Pierre69");
            newCode.submit();
            assertEquals("Je choisis un code personnel", browser.h1());
            assertTrue(browser.fieldError("codePersonnel:code").contains("Règle non respectée : ne pas être un code trop courant."),
                    browser.fieldError("codePersonnel:code"));
            audit("13d-code-trop-courant");

            newCode.type("Lyon*Rhone_69");
            newCode.confirm("Lyon*Rhone_70");
            newCode.submit();
            assertEquals("Les deux codes saisis ne sont pas identiques.", browser.fieldError("codePersonnel:confirmation"));
            audit("13c-code-non-confirme");
        }
    }

    /** Moving in the wizard: tabs, Retour, typed URLs, an expired view. */
    @Nested
    class WizardNavigation {

        @Test
        void two_tabs_run_two_independent_wizards() {
            startWizard();
            identity.identify("Le Goff", "1 62 11 29 019 150", "30/11/1962", "29200");
            String tabA = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            startWizard();
            identity.identify("Bernard", "1 39 12 33 063 224", "25/12/1939", "33000");
            assertTrue(browser.text().contains("1 39 12 33 063 224"));
            browser.driver.switchTo().window(tabA);
            browser.driver.navigate().refresh();
            assertTrue(browser.text().contains("1 62 11 29 019 150"), "tab A still holds Le Goff");
            assertFalse(browser.text().contains("1 39 12 33 063 224"));
        }

        @Test
        void back_keeps_what_was_typed_and_later_steps_cannot_be_reached_early() {
            browser.open(url("/creation/coordonnees.xhtml"));
            assertEquals("Je crée mon compte en remplissant les éléments demandés", browser.h1(), "no wizard yet: its first step");
            startWizard();
            String cid = cid();
            browser.open(url("/creation/code-personnel.xhtml?cid=" + cid));
            assertEquals("Je crée mon compte en remplissant les éléments demandés", browser.h1(), "sent back to the step reached");
            identity.identify("Garcia", "1 01 01 34 172 298", "17/01/2001", "34000");
            browser.type("verification:iban", "1203626");
            browser.submit("verification:retour");
            assertEquals("Garcia", browser.find("identite:nom").getAttribute("value"));
            assertEquals("17/01/2001", browser.find("identite:naissance").getAttribute("value"));
            identity.submit();
            assertEquals("1203626", browser.find("verification:iban").getAttribute("value"), "Retour kept the verification step too");

            browser.open(url("/creation/verification.xhtml?cid=99999"));
            assertEquals("Votre session a expiré", browser.h1());
            audit("15-session-expiree");
            browser.clickLink("Recommencer la création de mon compte");
            assertEquals("Je crée mon compte en remplissant les éléments demandés", browser.h1());
        }

        @Test
        void a_form_posted_after_its_view_expired_leads_to_the_restart_page_not_an_error() throws Exception {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/creation/identite.xhtml")))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("identite=identite&identite%3Anom=TOTO"
                                    + "&identite%3Acontinuer=Continuer&jakarta.faces.ViewState=1234%3A5678"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/session-expiree.xhtml"));
        }
    }

    /** Logging in or starting the wizard with FranceConnect (a real OpenID Connect provider here). */
    @Nested
    class FranceConnect {

        /**
         * PRODUCT §2.10: FranceConnect at its standard level (eidas1) vouches for one factor: the security code
         * mailed to the account follows, as after a code personnel; FranceConnect+ (eidas2) logs in at once.
         */
        @Test
        void franceconnect_logs_in_the_owner_after_the_security_code_and_franceconnect_plus_at_once() throws Exception {
            createAndActivate("Lambert", "1 31 03 21 231 594", "27/03/1931", "21000", "2091421", "59923680877",
                    "robert.lambert@example.fr", "Dijon*Bourgogne_21");
            franceConnectWillSay("Robert Marcel", "LAMBERT", "1931-03-27", "male", "21231", "eidas1");
            browser.open(url("/"));
            assertTrue(browser.driver.findElements(By.id("connexion:renvoyer")).isEmpty(),
                    "no offer of a new activation mail once the account is active");
            // The FranceConnect button's « OU » (a passkey's shows only where the browser can use one: not on this address).
            assertEquals(List.of("OU"), browser.driver.findElements(By.cssSelector("p.ou")).stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed).map(org.openqa.selenium.WebElement::getText).toList());
            audit("20-connexion-franceconnect");
            java.util.Set<String> before = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
            browser.submit("franceconnect");
            browser.waitUntil(d -> "Saisissez le code de sécurité reçu par email".equals(browser.h1()));
            assertTrue(browser.find("apres-franceconnect").getText().startsWith("FranceConnect vous a bien identifié."));
            audit("20a-franceconnect-code-securite");
            browser.type("codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, before));
            browser.submit("codeSecurite:valider");
            assertEquals("Mon espace", browser.h1());
            assertEquals("Bonjour Robert LAMBERT", browser.find("bonjour").getText());
            browser.clickLink("Mes dernières connexions");
            assertTrue(browser.text().contains("FranceConnect et code de sécurité reçu par email"), browser.text());

            browser.driver.manage().deleteAllCookies();
            franceConnectWillSay("Robert Marcel", "LAMBERT", "1931-03-27", "male", "21231", "eidas2");
            browser.open(url("/"));
            browser.submit("franceconnect");
            browser.waitUntil(d -> "Mon espace".equals(browser.h1()));
            assertEquals("Bonjour Robert LAMBERT", browser.find("bonjour").getText(), "FranceConnect+: no security code");

            // A homonym born the same day in another commune is not the owner: the account creation, never this account.
            browser.driver.manage().deleteAllCookies();
            franceConnectWillSay("Robert", "LAMBERT", "1931-03-27", "male", "75115", "eidas2");
            browser.open(url("/"));
            browser.submit("franceconnect");
            browser.waitUntil(d -> browser.h1().startsWith("Je crée mon compte"));
            assertTrue(browser.find("franceconnect").getText().startsWith("FranceConnect nous a transmis votre identité"));
        }

        @Test
        void a_franceconnect_identity_without_an_account_is_offered_the_wizard_with_step_one_prefilled() {
            franceConnectWillSay("Antoine", "GARCIA", "2001-01-17", "male", "34172", "eidas1");
            browser.open(url("/"));
            browser.submit("franceconnect");
            browser.waitUntil(d -> browser.h1().startsWith("Je crée mon compte"));
            assertTrue(browser.find("franceconnect").getText().startsWith("FranceConnect nous a transmis votre identité"));
            assertEquals("GARCIA", browser.find("identite:nom").getAttribute("value"));
            assertEquals("17/01/2001", browser.find("identite:naissance").getAttribute("value"));
            assertEquals("", browser.find("identite:nir").getAttribute("value"));
            audit("21-franceconnect-sans-compte");
            browser.type("identite:nir", "1 01 01 34 172 298");
            browser.type("identite:codePostal", "34000");
            identity.submit();
            assertEquals("Accédez immédiatement à votre compte", browser.h1());
        }

        @Test
        void a_franceconnect_return_that_does_not_check_is_refused_plainly() {
            browser.open(url("/franceconnect/retour?code=forged&state=forged"));
            assertEquals("J'accède à mon compte ameli", browser.h1());
            assertTrue(browser.find("franceconnect-echec").getText().startsWith("La connexion avec FranceConnect n'a pas abouti."));
            audit("22-connexion-franceconnect-echec");
        }
    }

    /** « Code oublié ? » and the new-code page. */
    @Nested
    class ForgottenCode {

        @Test
        void a_forgotten_code_is_replaced_from_the_link_of_a_mail() throws Exception {
            createAndActivate("Morel", "1 34 06 59 350 372", "06/06/1934", "59000", "7724569", "30816572014", "louis@example.fr",
                    "Lille*Nord_59");
            browser.open(url("/"));
            browser.clickLink("Code oublié ?");
            assertEquals("Code oublié ?", browser.h1());
            forgottenCode.fill("1 99 12 75 123 456", "01/12/1999");
            forgottenCode.submit();
            String unknownAnswer = browser.find("envoye").getText();
            assertTrue(unknownAnswer.startsWith("Si ces informations correspondent à un compte ameli"), unknownAnswer);

            browser.open(url("/code-oublie.xhtml"));
            forgottenCode.fill("1 34 06 59 350 372", "06/06/1934");
            audit("17-code-oublie");
            forgottenCode.submit();
            assertEquals(unknownAnswer, browser.find("envoye").getText(), "the same answer, account or not");
            audit("17b-code-oublie-envoye");

            String link = linkSentTo("louis@example.fr", "Choisissez un nouveau code personnel ameli");
            assertTrue(link.startsWith(BASE_URL + "nouveau-code.xhtml?jeton="), link);
            followMailLink(link);
            assertEquals("Je choisis un nouveau code personnel", browser.h1());
            newCode.type("Abc");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ko", "ok", "ko", "ok", "ok", "ko")));
            // Rule 6 knows the account's person: MOREL Louis.
            newCode.type("Louis.Morel59");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ko")));
            newCode.type("Roubaix*Nord_1");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ok")));
            newCode.confirm("Roubaix*Nord_2");
            audit("18-nouveau-code");
            newCode.validate();
            assertEquals("Les deux codes saisis ne sont pas identiques.", browser.fieldError("codePersonnel:confirmation"));
            audit("18a-nouveau-code-non-confirme");
            newCode.confirm("Roubaix*Nord_1");
            newCode.validate();
            assertTrue(browser.find("modifie").getText().startsWith("Votre nouveau code personnel est enregistré."));
            audit("18b-nouveau-code-enregistre");

            followMailLink(link);
            assertTrue(browser.find("deja-utilise").getText().startsWith("Ce lien a déjà servi"));

            onlyTheNewCodeLogsIn("1 34 06 59 350 372", "Lille*Nord_59", "Roubaix*Nord_1", "the old code stops working");
        }
    }

    /** « Mon espace », PRODUCT §2.11: what the person manages. */
    @Nested
    class MySpace {

        @Test
        void a_person_changes_the_code_with_the_keyboard_only_sees_the_logins_and_closes_the_account() throws Exception {
            createAndActivate("Benali", "1 75 08 38 185 779", "22/08/1975", "38000", "5319076", "03050227330", "karim@example.fr",
                    "Grenoble*Isere_38");
            browser.open(url("/"));
            logInWithTheSecurityCode("1 75 08 38 185 779", "Grenoble*Isere_38");
            assertEquals("Mon espace", browser.h1());

            // « Modifier mon code personnel », keyboard only.
            keyboard.tabTo("lien-code");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Modifier mon code personnel", browser.h1());
            audit("60-modifier-code");
            keyboard.fill("codePersonnel:actuel", "Mauvais*code_1");
            keyboard.fill("codePersonnel:code", "Vercors*Alpes_38");
            browser.waitUntil(d -> newCode.ruleStates().equals(List.of("ok", "ok", "ok", "ok", "ok", "ok")));
            keyboard.fill("codePersonnel:confirmation", "Vercors*Alpes_38");
            keyboard.tabTo("codePersonnel:valider");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Code personnel actuel incorrect.", browser.fieldError("codePersonnel:actuel"));
            audit("60a-modifier-code-actuel-incorrect");
            keyboard.fill("codePersonnel:actuel", "Grenoble*Isere_38");
            keyboard.tabTo("codePersonnel:valider");
            browser.pressAndWait(Keys.ENTER);
            assertTrue(browser.find("modifie").getText().startsWith("Votre code personnel est modifié."), browser.find("modifie").getText());
            long provenAt = System.currentTimeMillis(); // the current code just typed counts as a fresh login
            audit("60b-code-modifie");
            assertTrue(Mailbox.text(mailbox.firstTo("karim@example.fr", "Votre code personnel ameli a été modifié")).contains("a été modifié"));

            // « Mes dernières connexions ».
            browser.open(url("/espace/connexions.xhtml"));
            assertEquals("Mes dernières connexions", browser.h1());
            String logins = browser.find("connexions").getText();
            assertTrue(logins.contains("Code personnel et code de sécurité reçu par email") && logins.contains("Ouverte sur cet appareil"), logins);
            assertTrue(logins.contains("Chrome sous Linux"), logins);
            audit("61-connexions");

            // « Télécharger mes données »: the code personnel again once the last proof is older than 8 s in this deployment.
            Thread.sleep(Math.max(0, provenAt + 9_000 - System.currentTimeMillis()));
            browser.open(url("/espace/index.xhtml"));
            browser.clickLink("Télécharger mes données");
            assertEquals("Télécharger mes données", browser.h1());
            audit("62-mes-donnees");
            browser.submit("donnees:json");
            assertEquals("Saisissez votre code personnel actuel.", browser.fieldError("donnees:codeActuel"));
            audit("62a-mes-donnees-code-demande");

            // « Clôturer mon compte »: the errors, then the closure.
            browser.open(url("/espace/cloture.xhtml"));
            assertEquals("Clôturer mon compte", browser.h1());
            audit("63-cloture");
            browser.submit("cloture:cloturer");
            assertEquals("Saisissez votre code personnel actuel.", browser.fieldError("cloture:actuel"));
            assertEquals("Cochez la case pour confirmer la clôture de votre compte.", browser.fieldError("cloture:confirmer"));
            audit("63a-cloture-erreurs");
            browser.type("cloture:actuel", "Vercors*Alpes_38");
            browser.find("cloture:confirmer").click();
            browser.submit("cloture:cloturer");
            assertEquals("J'accède à mon compte ameli", browser.h1());
            assertTrue(browser.find("compte-cloture").getText().startsWith("Votre compte ameli est clôturé."), browser.find("compte-cloture").getText());
            audit("63b-compte-cloture");
            assertTrue(Mailbox.text(mailbox.firstTo("karim@example.fr", "Votre compte ameli est clôturé")).contains("par la poste"));
            browser.open(url("/espace/index.xhtml"));
            assertEquals("J'accède à mon compte ameli", browser.h1(), "logged out");

            startWizard();
            identity.identify("Benali", "1 75 08 38 185 779", "22/08/1975", "38000");
            assertEquals("Accédez immédiatement à votre compte", browser.h1(), "the NIR is free for a new account");
        }

        @Test
        void the_email_address_changes_once_the_link_mailed_to_the_new_one_is_confirmed() throws Exception {
            createAndActivate("Jean-Baptiste", "2 49 05 97 120 483", "15/05/1949", "97100", "1182639", "09456432019", "josette@example.fr",
                    "Gwada*971_Basse");
            browser.open(url("/"));
            logInWithTheSecurityCode("2 49 05 97 120 483", "Gwada*971_Basse");
            assertEquals("Mon espace", browser.h1());
            browser.clickLink("Modifier mon adresse email");
            assertEquals("Modifier mon adresse email", browser.h1());
            assertTrue(emailChange.asksForTheCode(), "the code personnel is asked every time, even right after the login");
            assertEquals("Saisissez votre nouvelle adresse email *", browser.label("adresseEmail:email"));
            assertEquals("Code personnel actuel *", browser.label("adresseEmail:codeActuel"));
            audit("50-adresse-email");

            emailChange.fill("josette.jb@example.fr", "josette.jb@example.fr");
            emailChange.submit();
            assertEquals("Saisissez votre code personnel actuel.", browser.fieldError("adresseEmail:codeActuel"));
            audit("50a-adresse-email-code-demande");

            emailChange.fill("josette.jb@example", "josette.jb@example.fr");
            emailChange.submit();
            assertEquals("L'adresse email n'est pas valide : elle doit être de la forme nom@domaine.fr, par exemple josette.dupont@exemple.fr.", browser.fieldError("adresseEmail:email"));
            assertEquals("Saisissez votre code personnel actuel.", browser.fieldError("adresseEmail:codeActuel"));
            assertEquals("true", browser.find("adresseEmail:codeActuel").getAttribute("aria-invalid"));
            audit("50b-adresse-email-erreurs");
            emailChange.fill("josette.jb@example.fr", "josette.jb@example.fr");
            emailChange.currentCode("Gwada*971_Bassf");
            emailChange.submit();
            assertEquals("Ce code personnel n'est pas le bon.", browser.fieldError("adresseEmail:codeActuel"));
            audit("50c-adresse-email-code-errone");
            emailChange.currentCode("Gwada*971_Basse");
            emailChange.submit();
            assertTrue(browser.find("envoye").getText().startsWith("Un courriel vient d'être envoyé à l'adresse josette.jb@example.fr."),
                    browser.find("envoye").getText());
            audit("50d-adresse-email-envoye");
            browser.open(url("/espace/index.xhtml"));
            assertEquals("josette@example.fr", browser.find("email").getText(), "not before it is confirmed");

            String link = linkSentTo("josette.jb@example.fr", "Confirmez votre nouvelle adresse email ameli");
            assertTrue(link.startsWith(BASE_URL + "confirmation-email.xhtml?jeton="), link);
            browser.driver.manage().deleteAllCookies();
            followMailLink(link);
            assertEquals("Confirmez votre nouvelle adresse email", browser.find("a-confirmer").getText());
            assertTrue(browser.find("nouvelle-adresse").getText().endsWith("josette.jb@example.fr"));
            audit("51-confirmation-email");
            browser.submit("confirmation:confirmer");
            assertEquals("Votre nouvelle adresse email est enregistrée.", browser.find("confirmee").getText());
            audit("51a-confirmation-email-enregistree");
            followMailLink(link);
            assertEquals("Ce lien a déjà servi : votre adresse email a déjà été modifiée avec lui.", browser.find("deja-utilise").getText());
            audit("51b-confirmation-email-deja-utilise");
            browser.open(url("/confirmation-email.xhtml?jeton=inconnu"));
            assertEquals("Ce lien n'est pas reconnu.", browser.find("inconnu").getText());
            audit("51c-confirmation-email-inconnue");

            String notice = Mailbox.text(mailbox.firstTo("josette@example.fr", "Votre adresse email a été modifiée"));
            assertTrue(notice.contains("La nouvelle adresse est j•••@example.fr."), notice);
            browser.open(url("/"));
            logInWithTheSecurityCode("2 49 05 97 120 483", "Gwada*971_Basse");
            assertEquals("josette.jb@example.fr", browser.find("email").getText(), "the security code went to the new address too");
        }
    }

    /** « Mon espace »: the phone numbers and the consents (PRODUCT §2.11). */
    @Nested
    class MySpaceContact {

        @Test
        void a_person_adds_a_number_gives_then_withdraws_a_consent_with_the_keyboard_and_removes_the_number() throws Exception {
            createAndActivate("Faure", "2 52 02 63 113 335", "29/02/1952", "63000", "8315293", "43305644731",
                    "helene.faure@example.fr", "Verdun*Meuse_7");
            browser.open(url("/"));
            logInWithTheSecurityCode("2 52 02 63 113 335", "Verdun*Meuse_7");
            assertEquals("Mon espace", browser.h1());
            browser.clickLink("Modifier mes numéros de téléphone et mes consentements");
            assertEquals("Mes numéros de téléphone et mes consentements", browser.h1());
            assertEquals("Saisissez votre n° de téléphone portable", browser.label("telephones:mobile"), "the wizard's label");
            assertTrue(browser.find("telephones:mobile").getAttribute("aria-describedby").contains("regle-telephones"));
            assertTrue(browser.driver.findElements(By.id("consentements:mobileSms")).isEmpty(), "no mobile: no SMS to choose");
            assertTrue(browser.find("promotions-etat").getText().startsWith("Votre choix : Non, depuis le "), browser.find("promotions-etat").getText());
            audit("50-espace-coordonnees");

            browser.type("telephones:mobile", "06 98 76 54 32");
            browser.submit("telephones:enregistrer");
            assertEquals("Vos numéros de téléphone sont enregistrés.", browser.find("confirmation").getText());
            assertEquals("confirmation", browser.focusedId(), "the confirmation takes the focus");
            assertEquals("status", browser.find("confirmation").getAttribute("role"));
            assertEquals("06 98 76 54 32", browser.find("telephones:mobile").getAttribute("value"));
            assertTrue(browser.find("mobileSms-etat").getText().startsWith("Votre choix : Non"), "a new number: nothing given");
            browser.submit("consentements:mobileSms-accepter");
            assertEquals("C'est enregistré : vous recevrez des SMS.", browser.find("confirmation").getText());
            assertTrue(browser.find("mobileSms-etat").getText().startsWith("Votre choix : Oui, depuis le "), browser.find("mobileSms-etat").getText());
            audit("51-espace-consentement-donne");

            // Withdrawing: one button, reached and pressed with the keyboard, no code asked.
            keyboard.tabTo("consentements:mobileSms-retirer");
            assertEquals("Ne plus recevoir de SMS", browser.focused().getAttribute("value"));
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Mes numéros de téléphone et mes consentements", browser.h1(), "no code asked again");
            assertEquals("C'est enregistré : vous ne recevrez plus de SMS.", browser.find("confirmation").getText());
            assertEquals("confirmation", browser.focusedId());
            assertTrue(browser.find("mobileSms-etat").getText().startsWith("Votre choix : Non, depuis le "));
            assertFalse(browser.driver.findElements(By.id("consentements:mobileSms-accepter")).isEmpty(), "giving it again is one button too");

            browser.type("telephones:mobile", "01 23");
            browser.submit("telephones:enregistrer");
            assertEquals("Le numéro de téléphone portable n'est pas valide : saisissez 10 chiffres commençant par 06 ou 07, par exemple 06 12 34 56 78.", browser.fieldError("telephones:mobile"), "the wizard's message");
            assertEquals("true", browser.find("telephones:mobile").getAttribute("aria-invalid"));
            assertEquals("telephones:resume-erreurs", browser.focusedId(), "the error summary has the focus");
            assertTrue(browser.driver.findElements(By.id("confirmation")).isEmpty(), "nothing said saved");
            audit("52-espace-coordonnees-erreurs");

            browser.type("telephones:mobile", "");
            browser.submit("telephones:enregistrer");
            // RGAA 11.12: erasing a number takes its consents with it, so the page first says so.
            assertEquals("Vous allez supprimer le numéro 06 98 76 54 32 : vos accords pour ce numéro seront retirés avec lui. Confirmez-vous ?",
                    browser.find("suppression-texte").getText());
            assertEquals("alert", browser.find("telephones:confirmer-suppression").getAriaRole());
            assertTrue(browser.driver.findElements(By.id("telephones:enregistrer")).isEmpty(), "one way on: confirm or cancel");
            assertTrue(browser.driver.findElements(By.id("confirmation")).isEmpty(), "nothing removed yet");
            audit("52a-espace-coordonnees-suppression");
            keyboard.tabTo("telephones:confirmer");
            browser.pressAndWait(Keys.ENTER);
            assertEquals("Vos numéros de téléphone sont enregistrés.", browser.find("confirmation").getText());
            assertTrue(browser.driver.findElements(By.id("consentements:mobileAppels")).isEmpty(), "the number's consents went with it");
            browser.clickLink("Retour à Mon espace");
            String preferences = browser.find("preferences").getText();
            assertFalse(preferences.contains("06 98 76 54 32"), "the number is gone: " + preferences);
        }
    }

    /** PRODUCT §2.12: the caisse's counter staff, logged in through their organisation's provider. */
    @Nested
    class EspaceAgent {

        private static final String TOTO_NIR = "2 28 12 31 815 001";

        @Test
        void an_agent_logs_in_finds_toto_lifts_a_lock_and_sends_a_new_activation_mail() throws Exception {
            // Lucia CASANOVA created her account but lost the activation mail.
            reachCodeStep("Casanova", "2 67 10 2B 033 446", "23/10/1967", "20200", "3600167", "33528882964");
            newCode.type("Bastia*Paoli_2B");
            newCode.confirm("Bastia*Paoli_2B");
            newCode.submit();
            contact.email("lucia.casanova@example.fr");
            contact.promotions(false);
            contact.submit();
            mailbox.awaitCount("lucia.casanova@example.fr", "Activez votre compte ameli", 1);
            // Someone typed five wrong codes for TOTO's NIR from this address: locked here.
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.open(url("/"));
                login.logIn(TOTO_NIR, "Mauvais*Code_" + attempt);
            }
            assertTrue(login.error().startsWith("Par sécurité, après plusieurs codes erronés"), login.error());

            browser.driver.manage().deleteAllCookies();
            browser.open(url("/agent/connexion.xhtml"));
            audit("70-agent-connexion");
            agentLogsIn("claire.martin", "Claire Martin", List.of("agent"));
            assertTrue(browser.driver.findElements(By.id("menu-journal")).isEmpty(), "an agent has no journal in the menu");
            // RGAA 13.1: the session's limits are told before they come, the idle one and the 8-hour end.
            WebElement limit = browser.find("delai");
            assertEquals("600", limit.getAttribute("data-secondes"), "the agent's idle limit, 10 minutes");
            long end = Long.parseLong(limit.getAttribute("data-fin-dans"));
            assertTrue(end > 8 * 3600 - 120 && end <= 8 * 3600, "the session's end, counted from the login: " + end);
            assertTrue(browser.find("delai-texte").getAttribute("textContent").startsWith("Sans action de votre part, vous serez déconnecté dans"));
            audit("71-agent-recherche");
            browser.submit("recherche:rechercher");
            assertEquals("Ce champ est obligatoire.", browser.fieldError("recherche:nir"));
            assertEquals("Ce champ est obligatoire.", browser.fieldError("recherche:motif"));
            browser.type("recherche:nir", "2 28 12 31 815");
            browser.type("recherche:motif", "ok");
            browser.submit("recherche:rechercher");
            assertEquals("Le numéro de sécurité sociale doit comporter 13 chiffres.", browser.fieldError("recherche:nir"));
            assertTrue(browser.fieldError("recherche:motif").startsWith("Indiquez le motif"), browser.fieldError("recherche:motif"));
            audit("72-agent-recherche-erreurs");

            // The 15-character form with its key, as on the card.
            browser.type("recherche:nir", "2 28 12 31 815 001 10");
            browser.type("recherche:motif", "Appel de l'assurée : connexion bloquée");
            browser.submit("recherche:rechercher");
            String file = browser.find("dossier").getText();
            assertTrue(file.contains("TOTO") && file.contains("31470") && file.contains("Saint-Thomas"), file);
            assertFalse(file.contains("3910173") || file.contains("0043") || file.contains("01647314244"), "never the IBAN or the Vitale serial:\n" + file);
            assertFalse(browser.find("blocages").getText().isEmpty(), file);
            audit("73-agent-dossier");

            browser.submit("deblocage:lever");
            assertEquals("Ce champ est obligatoire.", browser.fieldError("deblocage:motif"));
            audit("74-agent-action-erreurs");
            browser.type("deblocage:motif", "Appel de l'assurée, identité vérifiée au téléphone");
            browser.submit("deblocage:lever");
            assertEquals("Les blocages sont levés. La personne en est informée par email.", browser.find("fait").getText());
            assertEquals("Aucun blocage en cours.", browser.find("aucun-blocage").getText());

            // Lucia at the counter: a new activation mail.
            browser.type("recherche:nir", "2 67 10 2B 033 446");
            browser.type("recherche:motif", "Accueil au guichet de Bastia");
            browser.submit("recherche:rechercher");
            assertTrue(browser.find("etat-compte").getText().startsWith("Compte en attente d'activation depuis le"),
                    browser.find("etat-compte").getText());
            browser.type("activation:motif", "Email d'activation perdu");
            browser.submit("activation:renvoyer");
            assertEquals("Un nouvel email d'activation est envoyé à l'adresse du compte.", browser.find("fait").getText());
            mailbox.awaitCount("lucia.casanova@example.fr", "Activez votre compte ameli", 2);
            audit("75-agent-action-faite");

            // The agent's session is not a person's: « Mon espace » is not for it.
            browser.open(url("/espace/index.xhtml"));
            assertEquals("Page introuvable", browser.h1());
            browser.open(url("/agent/journal.xhtml"));
            assertEquals("Page introuvable", browser.h1(), "the journal is for a superviseur");
            browser.open(url("/agent/index.xhtml"));
            browser.submit("deconnexion-agent:deconnecter");
            assertEquals("Vous êtes déconnecté de l'espace agent.", browser.find("deconnecte").getText());
            assertTrue(providerWasAsked(FRANCECONNECT.endSessionEndpointUrl("agents").encodedPath() + "?client_id="),
                    "the provider's own session ended too (a shared counter computer)");
            browser.open(url("/agent/index.xhtml"));
            assertEquals("Espace agent – connexion", browser.h1(), "logged out");
        }

        @Test
        void a_superviseur_reads_the_journal_and_loads_a_register_extract_with_a_bad_row() throws Exception {
            agentLogsIn("paul.superviseur", "Paul Durand", List.of("agent", "superviseur"));
            browser.type("recherche:nir", "1 58 04 2A 004 409");
            browser.type("recherche:motif", "Contrôle du dossier par le superviseur");
            browser.submit("recherche:rechercher");
            assertTrue(browser.find("dossier").getText().contains("SANTONI"), browser.find("dossier").getText());

            browser.clickLink("Journal des actions");
            assertEquals("Journal des actions", browser.h1());
            String journal = browser.find("lignes").getText();
            assertTrue(journal.contains("paul.superviseur") && journal.contains("Contrôle du dossier par le superviseur"), journal);
            audit("76-agent-journal");
            browser.type("journal:jour", "31/02/2026");
            browser.submit("journal:filtrer");
            assertEquals("Saisissez une date existante au format JJ/MM/AAAA, par exemple 01/12/2026.", browser.fieldError("journal:jour"));
            audit("77-agent-journal-erreurs");
            browser.type("journal:jour", "");
            browser.type("journal:agent", "personne.inconnue");
            browser.submit("journal:filtrer");
            assertEquals("Aucune recherche ni action pour ce filtre.", browser.find("journal-vide").getText());

            // « Fermer les sessions d'un agent » (a lost badge): both fields are asked, then the sessions end.
            browser.submit("sessions:fermer");
            assertEquals("Saisissez l'identifiant de l'agent.", browser.fieldError("sessions:agent"));
            assertEquals("Ce champ est obligatoire.", browser.fieldError("sessions:motif"));
            assertTrue(browser.driver.findElements(By.id("journal:resume-erreurs")).isEmpty(), "the journal's form says nothing of the other's errors");
            assertEquals(browser.find("sessions:resume-erreurs"), browser.driver.switchTo().activeElement(), "the summary of the form sent takes the focus");
            audit("77a-agent-sessions-erreurs");
            browser.type("sessions:agent", "claire.agent");
            browser.type("sessions:motif", "Badge perdu, signalé par l'agent");
            browser.submit("sessions:fermer");
            assertEquals("L'agent « claire.agent » n'avait aucune session ouverte.", browser.find("sessions-fermees").getText());

            browser.clickLink("Charger un extrait du registre");
            assertEquals("Charger un extrait du registre", browser.h1());
            browser.submit("registre:charger");
            assertEquals("Choisissez le fichier de l'extrait à charger.", browser.fieldError("registre:fichier"));
            assertEquals("Ce champ est obligatoire.", browser.fieldError("registre:motif"));
            assertEquals("Cochez la case pour confirmer le chargement de l'extrait.", browser.fieldError("registre:confirmation"), "RGAA 11.12: a change to the register is confirmed");
            audit("78-agent-registre-erreurs");
            java.nio.file.Path extract = java.nio.file.Files.createTempFile("extrait", ".csv");
            java.nio.file.Files.writeString(extract, "nir;nom;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale\n"
                    + "177057512345677;LEMAIRE;Émile;12/05/1977;75005;Paris;1 rue Mouffetard;FR7630006000011234567890189;8250123456789012\n"
                    + "pas-un-nir;DURAND;Jean;01/01/1950;75001;Paris;;FR7630006000011234567890189;8250123456789013\n");
            browser.find("registre:fichier").sendKeys(extract.toString());
            browser.type("registre:motif", "Extrait mensuel de la caisse");
            browser.find("registre:confirmation").click();
            browser.submit("registre:charger");
            assertTrue(browser.find("rapport").getText().contains("Personnes ajoutées : 1 ;") && browser.find("rapport").getText().contains("lignes refusées : 1."), browser.find("rapport").getText());
            assertTrue(browser.find("refusees").getText().contains("3"), browser.find("refusees").getText());
            audit("79-agent-registre-rapport");
        }
    }

    /** The pages and error states met on no other journey. */
    /**
     * Passkeys (PRODUCT §2.11 « Mes clés d'accès », §2.1), with Chromium's virtual authenticator (a
     * platform authenticator that verifies the user). WebAuthn needs a secure context: this journey runs
     * on {@code http://localhost}, which the service's RP ID {@code localhost} covers (ameli.base-url).
     */
    @Nested
    class Passkeys {

        private String local(String path) {
            return url(path).replaceFirst("^http://[^:/]+", "http://localhost");
        }

        @Test
        void a_person_creates_a_passkey_with_the_keyboard_logs_in_with_it_alone_then_deletes_it_and_it_no_longer_works() throws Exception {
            org.openqa.selenium.virtualauthenticator.VirtualAuthenticator device = ((org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator) browser.driver)
                    .addVirtualAuthenticator(new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
                            .setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
                            .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
            try {
                createAndActivate("Müller", "1 65 35 99 109 668", "09/07/1965", "67100", "1882025", "88351607921", "hans.muller@example.fr",
                        "Strasbourg*Rhin_67");
                browser.open(local("/"));
                logInWithTheSecurityCode("1 65 35 99 109 668", "Strasbourg*Rhin_67");
                assertEquals("Mon espace", browser.h1());
                browser.clickLink("Mes clés d'accès");
                assertEquals("Mes clés d'accès", browser.h1());
                assertEquals("Vous n'avez pas encore de clé d'accès.", browser.find("aucune").getText());
                browser.waitUntil(d -> browser.find("creation-cle").isDisplayed());
                audit("80-cles-acces");

                // Without the code personnel, nothing is made: the message at the field.
                browser.submit("creation:creer");
                assertEquals("Saisissez votre code personnel actuel.", browser.fieldError("creation:codeActuel"));
                audit("80a-cles-acces-erreurs");

                // The code typed, then « Créer une clé d'accès sur cet appareil », keyboard only: the device makes it.
                browser.waitUntil(d -> browser.find("creation-cle").isDisplayed());
                keyboard.fill("creation:codeActuel", "Strasbourg*Rhin_67");
                keyboard.tabTo("creation:creer");
                browser.pressAndWait(Keys.ENTER);
                assertTrue(browser.find("fait").getText().startsWith("Votre clé d'accès est créée"), browser.find("fait").getText());
                assertEquals("Chrome sous Linux", browser.find("cles-0-titre").getText(), "named after the browser and system");
                assertTrue(browser.text().contains("Dernière utilisation : jamais"), browser.text());
                assertTrue(Mailbox.text(mailbox.firstTo("hans.muller@example.fr", "Une clé d'accès a été ajoutée à votre compte ameli"))
                        .contains("« Chrome sous Linux »"));
                audit("80b-cle-creee");

                // Logged out, the passkey alone opens « Mon espace »: no NIR, no code, no mailed code. (The page
                // also asks the browser for its suggestions, which this device would answer at once: it does
                // not verify the person until the button is pressed.)
                browser.open(local("/espace/index.xhtml"));
                browser.submit("espace:deconnecter");
                device.setUserVerified(false);
                browser.open(local("/"));
                browser.waitUntil(d -> browser.find("cle-acces").isDisplayed());
                assertEquals("username webauthn", browser.find("connexion:nir").getAttribute("autocomplete"), "the browser may suggest its passkeys");
                audit("81-connexion-avec-cle");
                device.setUserVerified(true);
                browser.find("cle-acces-bouton").click();
                browser.waitUntil(d -> {
                    try {
                        return "Mon espace".equals(browser.h1());
                    } catch (org.openqa.selenium.WebDriverException navigating) {
                        return false;
                    }
                });
                browser.open(local("/espace/connexions.xhtml"));
                assertTrue(browser.find("connexions").getText().contains("Clé d'accès (sans code)"), browser.find("connexions").getText());

                // Named as the person wishes, then deleted: it stops working at once.
                browser.open(local("/espace/cles-acces.xhtml"));
                browser.type("cles:liste:0:nom", "Ordinateur du bureau");
                browser.submit("cles:liste:0:renommer");
                assertEquals("Le nom de la clé d'accès est enregistré.", browser.find("fait").getText());
                assertEquals("Ordinateur du bureau", browser.find("cles-0-titre").getText());
                // What a screen reader gets, from Chromium's accessibility tree: each key's field and section say which key.
                assertEquals("Nom de cette clé (Ordinateur du bureau)", browser.find("cles:liste:0:nom").getAccessibleName());
                assertEquals("region", browser.find("cles-0-titre").findElement(By.xpath("..")).getAriaRole());
                assertEquals("Ordinateur du bureau", browser.find("cles-0-titre").findElement(By.xpath("..")).getAccessibleName());
                browser.submit("cles:liste:0:supprimer");
                // RGAA 11.12: the removal cannot be undone, so it is confirmed first.
                assertEquals("Vous allez supprimer la clé « Ordinateur du bureau » : elle ne permettra plus de vous connecter, et cela ne peut pas être annulé. Confirmez-vous ?",
                        browser.find("suppression-texte").getText());
                assertEquals("Ordinateur du bureau", browser.find("cles-0-titre").getText(), "not removed yet");
                audit("80c-cle-suppression");
                browser.submit("suppression:confirmer");
                assertTrue(browser.find("fait").getText().startsWith("La clé d'accès est supprimée"), browser.find("fait").getText());
                assertEquals("Vous n'avez pas encore de clé d'accès.", browser.find("aucune").getText());
                assertTrue(Mailbox.text(mailbox.firstTo("hans.muller@example.fr", "Une clé d'accès a été supprimée de votre compte ameli"))
                        .contains("« Ordinateur du bureau »"));
                browser.open(local("/espace/index.xhtml"));
                browser.submit("espace:deconnecter");
                device.setUserVerified(false);
                browser.open(local("/"));
                browser.waitUntil(d -> browser.find("cle-acces").isDisplayed());
                device.setUserVerified(true);
                browser.find("cle-acces-bouton").click();
                browser.waitUntil(d -> !browser.driver.findElements(By.id("cle-acces-echec")).isEmpty());
                assertEquals("J'accède à mon compte ameli", browser.h1());
                assertTrue(browser.find("cle-acces-echec").getText().startsWith("La connexion avec cette clé d'accès n'a pas abouti."));
                audit("81a-connexion-cle-refusee");
            } finally {
                ((org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator) browser.driver).removeVirtualAuthenticator(device);
            }
        }
    }

    @Nested
    class OtherPages {

        @Test
        void the_pages_and_error_states_met_on_no_other_journey_pass_the_audit() throws Exception {
            browser.open(url("/"));
            browser.submit("connexion:connecter");
            assertEquals("Saisissez votre numéro de sécurité sociale.", browser.fieldError("connexion:nir"));
            audit("30-connexion-erreurs");
            login.logIn("1 99 12 75 123 456", "Faux*Code_1");
            assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", login.error());
            audit("31-connexion-refusee");

            reachCodeStep("Dupont", "2 99 12 13 055 557", "12/12/1999", "13001", "0890611", "28214288123");
            newCode.type("Marseille*13_Vieux");
            newCode.confirm("Marseille*13_Vieux");
            newCode.submit();
            browser.type("coordonnees:emailConfirmation", "camille@example.fr");
            browser.type("coordonnees:mobile", "06 12");
            contact.submit();
            assertEquals("Informations personnelles", browser.h1());
            assertEquals("true", browser.find("coordonnees:email").getAttribute("aria-invalid"));
            assertFalse(browser.fieldError("coordonnees:promotions").isEmpty());
            audit("32-coordonnees-erreurs");
            assertEquals("coordonnees:resume-erreurs", browser.focusedId(), "the error summary has the focus");
            browser.driver.findElement(By.xpath("//div[@id='coordonnees:resume-erreurs']//a[starts-with(., \"J'autorise\")]")).click();
            assertEquals("coordonnees:promotions:0", browser.focusedId(), "a radio group's link leads to its first button");

            browser.open(url("/code-oublie.xhtml"));
            forgottenCode.submit();
            assertEquals("Ce champ est obligatoire.", browser.fieldError("oubli:nir"));
            audit("33-code-oublie-erreurs");

            browser.open(url("/activation.xhtml?jeton=inconnu"));
            assertEquals("Ce lien d'activation n'est pas reconnu.", browser.find("inconnu").getText());
            audit("34-activation-inconnue");
            browser.open(url("/nouveau-code.xhtml?jeton=inconnu"));
            assertTrue(browser.find("inconnu").getText().startsWith("Ce lien n'est pas reconnu."));
            audit("35-nouveau-code-inconnu");

            browser.open(url("/conditions-utilisation.xhtml"));
            audit("40-conditions-utilisation");
            browser.open(url("/franceconnect.xhtml"));
            audit("41-franceconnect");
            browser.open(url("/demande-en-cours.xhtml"));
            audit("42-demande-en-cours");
            browser.open(url("/erreur.xhtml?incident=A1B2C3"));
            assertEquals("A1B2C3", browser.find("incident").getText());
            audit("43-erreur");
            browser.open(url("/cette-page-n-existe-pas.xhtml"));
            assertEquals("Page introuvable", browser.h1());
            audit("44-introuvable");
            // The pages of client errors (ClientErrorFilter: 413, and 400/403/405), as a GET shows them.
            browser.open(url("/trop-volumineux.xhtml"));
            assertEquals("Le formulaire envoyé est trop volumineux", browser.h1());
            audit("46-trop-volumineux");
            browser.open(url("/demande-invalide.xhtml"));
            assertEquals("Cette demande ne peut pas être traitée", browser.h1());
            audit("47-demande-invalide");
            // The two 503 pages, written without Faces nor the database (FriendlyErrorFilter), as the service writes them.
            for (String[] page : new String[][] {{"indisponible.html", "48-indisponible"}, {"tres-demande.html", "49-tres-demande"}}) {
                String html = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/webapp/WEB-INF", page[0]))
                        .replace("CONTEXT", url("")).replace("INCIDENT", "a1b2c3d4");
                browser.driver.get("data:text/html;charset=utf-8;base64,"
                        + java.util.Base64.getEncoder().encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                audit(page[1]);
            }

            browser.open(url("/"));
            browser.clickLink("Déclaration d'accessibilité");
            assertEquals("Déclaration d'accessibilité", browser.h1());
            // The rate and the level come from the audit grid; the footer says the same level as the declaration.
            String level = browser.find("etat-accessibilite").getText().replace("Accessibilité : ", "");
            assertTrue(level.matches("(totalement|partiellement|non) conforme"), level);
            assertTrue(browser.find("etat-conformite").getText().startsWith("Le service du compte ameli est " + level
                    + " avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.2"), browser.find("etat-conformite").getText());
            assertTrue(browser.find("resultat-audit").getText().matches("\\d+(,\\d)? % des critères du RGAA version 4\\.1\\.2 sont respectés : \\d+ critères conformes sur \\d+ applicables .*"),
                    browser.find("resultat-audit").getText());
            assertEquals(31, browser.driver.findElements(By.cssSelector("#echantillon li")).size(), "the sample's pages");
            assertTrue(browser.find("echantillon").getText().contains("« Mes clés d'accès »"));
            audit("45-declaration-accessibilite");

            // The audit sees what it must: a field without a label is a critical violation.
            browser.driver.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\\'text\\'>');");
            assertTrue(browser.axe().getViolations().stream().anyMatch(r -> "label".equals(r.getId()) && "critical".equals(r.getImpact())));
        }
    }
}
