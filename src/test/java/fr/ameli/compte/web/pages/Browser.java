package fr.ameli.compte.web.pages;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
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
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (never downloaded: the paths are
 * given and SE_OFFLINE is set), with a fresh profile. Screenshots go to target/screenshots.
 * Also what the accessibility checks need: the axe-core audit (its script is bundled in Deque's
 * jar, nothing is downloaded), other viewport widths, and the keyboard.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("ameli.screenshots", "target/screenshots"));

    public final ChromeDriver driver;
    private final Path profile;

    public Browser() {
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

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the next page (the old one goes stale). */
    public void submit(String id) {
        clickAndWait(find(id));
    }

    /** Clicks the link whose text is given (as written in the page, whatever CSS does to its case). */
    public void clickLink(String text) {
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

    // ---- Keyboard

    /** Presses keys as a keyboard does: they go to whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Shift+Tab: the focus goes back. */
    public void pressShiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Presses a key that leaves the page (Enter on a button or link) and waits for the next one. */
    public void pressAndWait(CharSequence key) {
        WebElement html = driver.findElement(By.tagName("html"));
        press(key);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The id of what has the focus ("" when it has none). */
    public String focusedId() {
        String id = focused().getAttribute("id");
        return id == null ? "" : id;
    }

    /**
     * How the focused element shows its focus: its outline and box shadow as computed, or null
     * when neither shows (no outline, or one thinner than 2 px, and no shadow).
     */
    public String focusIndicator() {
        return (String) driver.executeScript("""
                var s = getComputedStyle(document.activeElement);
                var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                var shadow = s.boxShadow && s.boxShadow !== 'none';
                return outline || shadow ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' / ' + s.boxShadow : null;
                """);
    }

    // ---- Accessibility audit and viewports

    /** axe-core against WCAG 2.1 A and AA (what RGAA 4.1 builds on) and axe's best practices. */
    public Results axe() {
        // Only the violations come back in full (passes are listed without their elements): faster.
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .disableIframeTesting()
                .analyze(driver);
    }

    /**
     * Lays the page out in a viewport this many CSS pixels wide (320: a small phone, or 1280 at
     * 400 % zoom; 640: 1280 at 200 % zoom), as tall as the whole page so that a screenshot shows it all.
     */
    public void viewport(int width) {
        metrics(width, 900);
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        metrics(width, (int) Math.min(height, 6000));
    }

    private void metrics(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Lays the page out for paper ("print") or back for the screen ("screen"). */
    public void media(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** Back to the window's own size. */
    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * What sticks out of the viewport to the right and makes the page scroll horizontally ("" when
     * nothing does): the page's width and the outermost elements that overflow.
     */
    public String horizontalOverflow() {
        return (String) driver.executeScript("""
                var root = document.documentElement, limit = root.clientWidth;
                if (root.scrollWidth <= limit) { return ''; }
                var culprits = [];
                document.querySelectorAll('body *').forEach(function (e) {
                    var r = e.getBoundingClientRect();
                    if (r.right > limit + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > limit + 1)) {
                        culprits.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                                + ' (' + Math.round(r.right) + ' px)');
                    }
                });
                return 'page ' + root.scrollWidth + ' px wide for ' + limit + ' px: ' + culprits.join(', ');
                """);
    }

    public String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of a field's label. */
    public String label(String fieldId) {
        return driver.findElement(By.cssSelector("label[for='" + fieldId + "']")).getText();
    }

    /** The error shown at a field (its h:message, id "form:field-erreur"). */
    public String fieldError(String fieldId) {
        return find(fieldId + "-erreur").getText();
    }

    public String globalErrors(String formId) {
        return find(formId + ":erreurs").getText();
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML as the browser holds it now, next to the screenshots. */
    public void saveSource(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
