package fr.ameli.compte.web.pages;

import org.openqa.selenium.By;

import java.util.List;

/**
 * The form « codePersonnel » where a code personnel is chosen, with its live rules: the wizard's
 * code step (button « Continuer ») and the new-code page of a forgotten code (button « Valider »).
 */
public record CodeScreen(Browser browser) {

    /** Types the new code and waits until the server has seen it. */
    public void type(String code) {
        browser.type("codePersonnel:code", code);
        // The rules are re-evaluated on the server as the person types (Faces Ajax, 300 ms delay).
        browser.waitUntil(d -> code.equals(browser.find("codePersonnel:code").getAttribute("value")));
    }

    public void confirm(String code) {
        browser.type("codePersonnel:confirmation", code);
    }

    /** Each rule's state as shown ("ok" or "ko"), in the page's order. */
    public List<String> ruleStates() {
        return browser.driver.findElements(By.cssSelector("ul.regles li")).stream().map(li -> li.getAttribute("class")).toList();
    }

    /** The wizard's « Continuer ». */
    public void submit() {
        browser.submit("codePersonnel:continuer");
    }

    /** The new-code page's « Valider ». */
    public void validate() {
        browser.submit("codePersonnel:valider");
    }
}
