package fr.ameli.compte.web;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (never downloaded: the paths are
 * given and SE_OFFLINE is set), with a fresh profile. Screenshots go to target/screenshots.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("ameli.screenshots", "target/screenshots"));

    final WebDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=fr-FR", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the next page (the old one goes stale). */
    void submit(String id) {
        clickAndWait(find(id));
    }

    /** Clicks the link whose text is given (as written in the page, whatever CSS does to its case). */
    void clickLink(String text) {
        clickAndWait(driver.findElement(By.xpath("//a[normalize-space(.)=\"" + text + "\"]")));
    }

    private void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            // Stale, or Chromium's "node does not belong to the document": the page was replaced.
            return true;
        }
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The error shown at a field (its h:message, id "form:field-erreur"). */
    String fieldError(String fieldId) {
        return find(fieldId + "-erreur").getText();
    }

    String globalErrors(String formId) {
        return find(formId + ":erreurs").getText();
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
