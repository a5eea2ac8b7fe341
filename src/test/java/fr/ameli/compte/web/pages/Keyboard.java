package fr.ameli.compte.web.pages;

import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person with a keyboard only: Tab and Shift+Tab from stop to stop, each stop showing its focus. */
public record Keyboard(Browser browser) {

    /** Tab until the element with this id has the focus; each stop must show its focus. */
    public void tabTo(String id) {
        tabTo(id, false);
    }

    /** Shift+Tab until the element with this id has the focus; each stop must show its focus. */
    public void tabBackTo(String id) {
        tabTo(id, true);
    }

    /** Tab to a field and type into it, key by key. */
    public void fill(String id, String text) {
        tabTo(id);
        type(text);
    }

    /** Types into what has the focus, key by key. */
    public void type(String text) {
        browser.press(text);
    }

    private void tabTo(String id, boolean backwards) {
        for (int i = 0; i < 40; i++) {
            if (backwards) {
                browser.pressShiftTab();
            } else {
                browser.press(Keys.TAB);
            }
            String reached = browser.focusedId();
            assertTrue(browser.focusIndicator() != null, "no visible focus on " + browser.focused().getTagName() + "#" + reached
                    + " on the way to " + id + " after " + (i + 1) + (backwards ? " Shift+Tab" : " Tab"));
            if (id.equals(reached)) {
                return;
            }
        }
        throw new AssertionError("the keyboard never reached " + id + " on " + browser.driver.getCurrentUrl());
    }
}
